namespace Gateway.Resources.Validation;

/// <summary>
/// Everything read from the documents, before the rules that look across resources run.
/// Specs are kept even when their document had errors, so cross-resource problems are found
/// in the same run.
/// </summary>
internal sealed class ParsedResources
{
    /// <summary>Every resource of a kind the gateway reads whose name is known, in manifest order.</summary>
    public List<DeclaredResource> Declarations { get; } = [];

    public List<ComponentSpec> Components { get; } = [];

    /// <summary>Subscriptions with the line of their <c>spec.pubsubname</c>.</summary>
    public List<(SubscriptionSpec Spec, int PubsubNameLine)> Subscriptions { get; } = [];

    public List<AppSpec> Apps { get; } = [];

    public List<ResiliencySpec> Resiliencies { get; } = [];

    /// <summary>Names of the pub/sub Components declared in a namespace, even the invalid ones.</summary>
    public IReadOnlyList<string> ComponentNamesIn(string resourceNamespace) =>
    [
        .. Declarations
            .Where(declared => declared.Kind == Parsing.ResourceKinds.Component && declared.Namespace == resourceNamespace)
            .Select(declared => declared.Name)
            .Distinct(StringComparer.Ordinal),
    ];

    public ResourceSet ToResourceSet() =>
        new([.. Components], [.. Subscriptions.Select(entry => entry.Spec)], [.. Apps], [.. Resiliencies]);
}
