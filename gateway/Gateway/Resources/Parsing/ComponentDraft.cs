using Gateway.Drivers;

namespace Gateway.Resources.Parsing;

/// <summary>
/// A pub/sub Component as read from its document, before its secrets are fetched and its driver checks its
/// metadata: both wait until every document is read, since a secret store may be declared in a later file.
/// </summary>
/// <param name="Items">The metadata entries as written, with their lines.</param>
/// <param name="SecretStore"><c>auth.secretStore</c>, or null for the default store.</param>
/// <param name="SecretStoreLine">Where <c>auth.secretStore</c> is (or the document).</param>
/// <param name="MetadataLine">The line of <c>spec.metadata</c>, for problems of a missing entry.</param>
/// <param name="DocumentNumber">1-based position of the document in its file.</param>
internal sealed record ComponentDraft(
    string Name,
    string Namespace,
    string Type,
    string Version,
    IReadOnlyList<ComponentMetadataItem> Items,
    IReadOnlyList<string> Scopes,
    string? SecretStore,
    int SecretStoreLine,
    int MetadataLine,
    ResourceLocation Location,
    int DocumentNumber,
    IPubSubDriverFactory Factory)
{
    /// <summary>A problem of this component on <paramref name="line"/>, in the shape of every load problem.</summary>
    public ResourceError Problem(int line, string message) =>
        new(Location.File, line, Name, ResourceKinds.Component, message) { Document = DocumentNumber };

    public override string ToString() => $"Component '{Namespace}/{Name}' ({Type}) at {Location}";
}
