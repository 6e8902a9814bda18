namespace Gateway.Scopes;

/// <summary>
/// Dapr's <c>IsOperationAllowed</c>: the decision for one topic, given the component-wide rules
/// and the calling app's scope list for the operation being performed.
/// </summary>
internal static class ScopeDecider
{
    /// <summary>Which rule decided; the one place the rules are applied.</summary>
    private enum Outcome
    {
        NotInAllowedTopics,
        Unrestricted,
        InAppScope,
        ProtectedWithoutEntry,
        ListedWithNoTopics,
        NotInAppScope,
    }

    /// <summary>The decision alone, without building its reason (the check every publish makes).</summary>
    public static bool IsAllowed(ScopeRules rules, TopicList scoped, string topic) =>
        Decide(rules, scoped, topic, out _) is Outcome.Unrestricted or Outcome.InAppScope;

    public static ScopeDecision Decide(
        ScopeRules rules, TopicList scoped, string appId, string topic, ScopeOperation operation)
    {
        var scopeKey = ScopeKeys.ForOperation(operation);
        return Decide(rules, scoped, topic, out var isProtected) switch
        {
            Outcome.NotInAllowedTopics => Deny(ScopeReasons.NotInAllowedTopics(topic, rules.Allowed)),
            Outcome.Unrestricted => Allow(ScopeReasons.Unrestricted(
                topic, appId, scopeKey, !rules.Allowed.IsEmpty, !rules.Protected.IsEmpty, rules.IsScopeKeySet(operation))),
            Outcome.InAppScope => Allow(ScopeReasons.InAppScope(topic, appId, scopeKey, !rules.Allowed.IsEmpty, isProtected)),
            Outcome.ProtectedWithoutEntry => Deny(ScopeReasons.ProtectedWithoutEntry(topic, appId, scopeKey)),
            Outcome.ListedWithNoTopics => Deny(ScopeReasons.ListedWithNoTopics(appId, scopeKey)),
            _ => Deny(ScopeReasons.NotInAppScope(topic, appId, scopeKey, scoped)),
        };
    }

    private static Outcome Decide(ScopeRules rules, TopicList scoped, string topic, out bool isProtected)
    {
        isProtected = false;

        // Rule 1: a non-empty allow-list denies everything outside it, whatever the app's scopes say.
        if (!rules.Allowed.IsEmpty && !rules.Allowed.Contains(topic))
        {
            return Outcome.NotInAllowedTopics;
        }

        // Rules 2 and 3: an app without a list is unrestricted, except for protected topics.
        isProtected = rules.Protected.Contains(topic);
        if (!isProtected && scoped.IsEmpty)
        {
            return Outcome.Unrestricted;
        }

        // Rule 4: otherwise only an explicit entry in the app's list allows the topic.
        if (scoped.Contains(topic))
        {
            return Outcome.InAppScope;
        }

        if (scoped.IsEmpty)
        {
            return Outcome.ProtectedWithoutEntry;
        }

        return scoped.HoldsOnlyEmptyTopic ? Outcome.ListedWithNoTopics : Outcome.NotInAppScope;
    }

    private static ScopeDecision Allow(string reason) => new(true, reason);

    private static ScopeDecision Deny(string reason) => new(false, reason);
}
