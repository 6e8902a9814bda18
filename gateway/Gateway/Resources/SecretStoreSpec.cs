using Gateway.Resources.Parsing;

namespace Gateway.Resources;

/// <summary>A secret store <c>Component</c> the gateway reads (<c>secretstores.local.file</c> or <c>secretstores.local.env</c>).</summary>
/// <param name="Name"><c>metadata.name</c>: what <c>auth.secretStore</c> names.</param>
/// <param name="Namespace">Components read only the stores of their own namespace.</param>
/// <param name="Type"><c>spec.type</c>.</param>
/// <param name="Items">Its <c>spec.metadata</c>, with lines.</param>
/// <param name="DocumentNumber">1-based position of the document in its file.</param>
internal sealed record SecretStoreSpec(
    string Name,
    string Namespace,
    string Type,
    IReadOnlyList<ComponentMetadataItem> Items,
    ResourceLocation Location,
    int DocumentNumber)
{
    /// <summary>The metadata as a case-insensitive dictionary.</summary>
    public IReadOnlyDictionary<string, string> Metadata =>
        Items.ToDictionary(item => item.Name, item => item.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>A problem of this store on <paramref name="line"/>.</summary>
    public ResourceError Problem(int line, string message) =>
        new(Location.File, line, Name, ResourceKinds.Component, message) { Document = DocumentNumber };

    public override string ToString() => $"secret store '{Namespace}/{Name}' ({Type}) at {Location}";
}
