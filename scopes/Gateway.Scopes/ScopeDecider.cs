namespace Gateway.Scopes;

/// <summary>
/// Dapr's <c>IsOperationAllowed</c>: the decision for one topic, given the component-wide rules
/// and the calling app's scope list for the operation being performed.
/// </summary>
internal static class ScopeDecider
{
    public static ScopeDecision Decide(
        ScopeRules rules, TopicList scoped, string appId, string topic, ScopeOperation operation)
    {
        var scopeKey = ScopeKeys.ForOperation(operation);

        // Rule 1: a non-empty allow-list denies everything outside it, whatever the app's scopes say.
        if (!rules.Allowed.IsEmpty && !rules.Allowed.Contains(topic))
        {
            return Deny(ScopeReasons.NotInAllowedTopics(topic, rules.Allowed));
        }

        // Rules 2 and 3: an app without a list is unrestricted, except for protected topics.
        var isProtected = rules.Protected.Contains(topic);
        if (!isProtected && scoped.IsEmpty)
        {
            return Allow(ScopeReasons.Unrestricted(
                topic, appId, scopeKey, !rules.Allowed.IsEmpty, !rules.Protected.IsEmpty, rules.IsScopeKeySet(operation)));
        }

        // Rule 4: otherwise only an explicit entry in the app's list allows the topic.
        if (scoped.Contains(topic))
        {
            return Allow(ScopeReasons.InAppScope(topic, appId, scopeKey, !rules.Allowed.IsEmpty, isProtected));
        }

        if (scoped.IsEmpty)
        {
            return Deny(ScopeReasons.ProtectedWithoutEntry(topic, appId, scopeKey));
        }

        return Deny(scoped.HoldsOnlyEmptyTopic
            ? ScopeReasons.ListedWithNoTopics(appId, scopeKey)
            : ScopeReasons.NotInAppScope(topic, appId, scopeKey, scoped));
    }

    private static ScopeDecision Allow(string reason) => new(true, reason);

    private static ScopeDecision Deny(string reason) => new(false, reason);
}
