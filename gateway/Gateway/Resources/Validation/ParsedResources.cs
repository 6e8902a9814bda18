using Gateway.Resources.Parsing;

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

    /// <summary>Pub/sub Components as read, before their secrets are fetched and their drivers check them.</summary>
    public List<ComponentDraft> ComponentDrafts { get; } = [];

    /// <summary>Pub/sub Components whose secrets were fetched and whose metadata their driver accepted.</summary>
    public List<ComponentSpec> Components { get; } = [];

    /// <summary>Secret store Components of the types the gateway reads.</summary>
    public List<SecretStoreSpec> SecretStores { get; } = [];

    /// <summary>Secret store Components of other types (skipped), by namespace and name, with their type.</summary>
    public Dictionary<(string Namespace, string Name), string> SkippedSecretStores { get; } = [];

    /// <summary>Subscriptions with the line of their <c>spec.pubsubname</c>.</summary>
    public List<(SubscriptionSpec Spec, int PubsubNameLine)> Subscriptions { get; } = [];

    /// <summary>Subscriptions a rule decided to skip (their pubsub does not exist), left out of the set.</summary>
    public HashSet<SubscriptionSpec> SkippedSubscriptions { get; } = new(ReferenceEqualityComparer.Instance);

    public List<AppSpec> Apps { get; } = [];

    public List<ResiliencySpec> Resiliencies { get; } = [];

    /// <summary>The secret files the loaded stores read (full paths), for live reload to watch.</summary>
    public List<string> SecretFiles { get; } = [];

    /// <summary>Names of the pub/sub Components declared in a namespace, even the invalid ones.</summary>
    public IReadOnlyList<string> ComponentNamesIn(string resourceNamespace) =>
    [
        .. Declarations
            .Where(declared => declared.Kind == ResourceKinds.Component && declared.Namespace == resourceNamespace)
            .Select(declared => declared.Name)
            .Where(name => !SecretStores.Any(store => store.Namespace == resourceNamespace && store.Name == name))
            .Distinct(StringComparer.Ordinal),
    ];

    public ResourceSet ToResourceSet() =>
        new([.. Components], [.. Subscriptions.Select(entry => entry.Spec).Where(spec => !SkippedSubscriptions.Contains(spec))], [.. Apps], [.. Resiliencies])
        {
            SecretFiles = [.. SecretFiles],
        };
}
