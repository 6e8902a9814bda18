namespace Gateway.Scopes;

/// <summary>
/// One app's scope lists, parsed once from <c>publishingScopes</c> and <c>subscriptionScopes</c>.
/// An empty list means the app is not restricted by that key.
/// </summary>
internal sealed record AppScopeLists(TopicList Publishing, TopicList Subscription)
{
    /// <summary>The list consulted for <paramref name="operation"/>; the other one is never read.</summary>
    public TopicList For(ScopeOperation operation) =>
        operation == ScopeOperation.Publish ? Publishing : Subscription;
}
