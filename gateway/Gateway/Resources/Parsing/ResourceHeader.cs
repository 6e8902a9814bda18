namespace Gateway.Resources.Parsing;

/// <summary>The fields every resource shares, read from one YAML document.</summary>
/// <param name="ApiVersion"><c>apiVersion</c>, null when missing.</param>
/// <param name="Kind"><c>kind</c>, null when missing.</param>
/// <param name="Name"><c>metadata.name</c>, null when missing or invalid.</param>
/// <param name="Namespace"><c>metadata.namespace</c>, default <c>default</c>.</param>
/// <param name="Scopes">The top-level <c>scopes</c> list.</param>
/// <param name="Root">The document's top-level fields, for the kind parser to read <c>spec</c>.</param>
/// <param name="Location">Where the document starts.</param>
internal sealed record ResourceHeader(
    string? ApiVersion,
    string? Kind,
    string? Name,
    string Namespace,
    IReadOnlyList<string> Scopes,
    MappingReader Root,
    ResourceLocation Location)
{
    public const string DefaultNamespace = "default";

    /// <summary><c>auth.secretStore</c>: the store a component's <c>secretKeyRef</c>s read from; null when absent.</summary>
    public string? SecretStore { get; init; }

    /// <summary>The line of <c>auth.secretStore</c>, or of the document when absent.</summary>
    public int SecretStoreLine { get; init; }

    /// <summary>Reads <c>spec</c> with the fields a kind allows; reports it when missing.</summary>
    public MappingReader? Spec(IReadOnlyList<string> allowedFields, string whatToDo)
    {
        var spec = Root.Mapping("spec", allowedFields);
        if (spec is null && !Root.Has("spec"))
        {
            Root.ReportMissing("spec", whatToDo);
        }

        return spec;
    }
}
