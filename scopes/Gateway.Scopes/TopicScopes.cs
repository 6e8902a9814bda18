using System.Collections.Concurrent;

namespace Gateway.Scopes;

/// <summary>
/// The topic scoping of one pubsub component: <c>publishingScopes</c>, <c>subscriptionScopes</c>,
/// <c>allowedTopics</c> and <c>protectedTopics</c>, parsed and decided exactly as Dapr does.
/// Immutable after <see cref="Parse"/> and safe to share between threads.
/// </summary>
/// <remarks>
/// A Dapr sidecar computes its own app's lists once per component load. The gateway serves many
/// apps, so the lists are computed on first use per app ID and cached for the lifetime of this
/// instance; a reloaded component gets a new instance. Values are taken as given: metadata
/// templating such as <c>{appID}</c> must already have been applied by the caller.
/// </remarks>
public sealed class TopicScopes
{
    private readonly ScopeMetadata metadata;
    private readonly ScopeRules rules;
    private readonly ConcurrentDictionary<string, AppScopeLists> listsByAppId = new(StringComparer.Ordinal);

    private TopicScopes(ScopeMetadata metadata)
    {
        this.metadata = metadata;
        rules = new ScopeRules(
            new TopicList(ScopeListParser.ParamTopics(metadata.AllowedTopics)),
            new TopicList(ScopeListParser.ParamTopics(metadata.ProtectedTopics)),
            PublishingScopesSet: metadata.PublishingScopes.Length > 0,
            SubscriptionScopesSet: metadata.SubscriptionScopes.Length > 0);
    }

    /// <summary>
    /// The documented spellings (<c>publishingScopes</c>, <c>subscriptionScopes</c>, <c>allowedTopics</c>,
    /// <c>protectedTopics</c>) of keys that the component declares under more than one spelling,
    /// differing only by case. Dapr picks one of them at random; this engine uses the documented
    /// spelling if present, else the first declared one. Empty when there is no such key.
    /// </summary>
    public IReadOnlyList<string> AmbiguousKeys => metadata.AmbiguousKeys;

    /// <summary>
    /// Reads the four scope keys from a component's metadata name/value pairs, in declaration order.
    /// Key names match case-insensitively; other keys are ignored. Never throws on malformed values.
    /// </summary>
    public static TopicScopes Parse(IEnumerable<KeyValuePair<string, string>> componentMetadata) =>
        new(ScopeMetadata.Read(componentMetadata));

    /// <summary>
    /// Decides whether <paramref name="appId"/> may perform <paramref name="operation"/> on
    /// <paramref name="topic"/>. App IDs and topics are compared exactly (ordinal); the topic is the
    /// app-visible name, before any namespace prefix. An empty topic is decided like any other string.
    /// </summary>
    public ScopeDecision Check(string appId, string topic, ScopeOperation operation)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(topic);
        return ScopeDecider.Decide(rules, ListsFor(appId).For(operation), appId, topic, operation);
    }

    /// <summary>
    /// The decision of <see cref="Check"/> without its reason, which is not built: the check every publish makes.
    /// Ask <see cref="Check"/> for the reason of a denial.
    /// </summary>
    public bool IsAllowed(string appId, string topic, ScopeOperation operation)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(topic);
        return ScopeDecider.IsAllowed(rules, ListsFor(appId).For(operation), topic);
    }

    private AppScopeLists ListsFor(string appId) => listsByAppId.GetOrAdd(appId, static (id, owner) => owner.ComputeLists(id), this);

    private AppScopeLists ComputeLists(string appId) => new(
        new TopicList(ScopeListParser.ScopedTopics(metadata.PublishingScopes, appId)),
        new TopicList(ScopeListParser.ScopedTopics(metadata.SubscriptionScopes, appId)));
}
