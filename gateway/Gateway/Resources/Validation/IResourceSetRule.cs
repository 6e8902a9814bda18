using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>One check that looks across resources, run after every document was read.</summary>
internal interface IResourceSetRule
{
    void Check(ParsedResources resources, LoadDiagnostics diagnostics);
}
