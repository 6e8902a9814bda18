using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>Two resources of the same kind, namespace and name are an error, as in Dapr.</summary>
internal sealed class DuplicateDefinitionRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        var firstSeen = new Dictionary<(string Kind, string Namespace, string Name), DeclaredResource>();
        foreach (var declared in resources.Declarations)
        {
            if (firstSeen.TryAdd((declared.Kind, declared.Namespace, declared.Name), declared))
            {
                continue;
            }

            var first = firstSeen[(declared.Kind, declared.Namespace, declared.Name)];
            diagnostics.AddError(new ResourceError(
                declared.Location.File,
                declared.Location.Line,
                declared.Name,
                declared.Kind,
                $"duplicate definition: a {declared.Kind} named '{declared.Name}' in namespace '{declared.Namespace}' is already defined at {first.Location}; rename or remove one of them"));
        }
    }
}
