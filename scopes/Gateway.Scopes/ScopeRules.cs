namespace Gateway.Scopes;

/// <summary>The parts of a component's scoping that are the same for every app.</summary>
/// <param name="Allowed">The <c>allowedTopics</c> list; empty = no global allow-list.</param>
/// <param name="Protected">The <c>protectedTopics</c> list; empty = no protected topics.</param>
/// <param name="PublishingScopesSet">Whether <c>publishingScopes</c> has a non-empty value.</param>
/// <param name="SubscriptionScopesSet">Whether <c>subscriptionScopes</c> has a non-empty value.</param>
internal sealed record ScopeRules(
    TopicList Allowed,
    TopicList Protected,
    bool PublishingScopesSet,
    bool SubscriptionScopesSet)
{
    /// <summary>Whether the per-app scope key for <paramref name="operation"/> has a value at all.</summary>
    public bool IsScopeKeySet(ScopeOperation operation) =>
        operation == ScopeOperation.Publish ? PublishingScopesSet : SubscriptionScopesSet;
}
