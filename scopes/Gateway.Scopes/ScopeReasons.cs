namespace Gateway.Scopes;

/// <summary>
/// The one-sentence explanations attached to <see cref="ScopeDecision"/>, one method per rule.
/// Names are quoted with single quotes and never escaped, so what is printed is what was compared.
/// </summary>
internal static class ScopeReasons
{
    public static string NotInAllowedTopics(string topic, TopicList allowed) => allowed.HoldsOnlyEmptyTopic
        ? $"topic {Q(topic)} is not in allowedTopics, whose value is blank after spaces are removed and so allows no topic"
        : $"topic {Q(topic)} is not in allowedTopics";

    public static string ListedWithNoTopics(string appId, string scopeKey) =>
        $"app {Q(appId)} is listed in {scopeKey} with no topics";

    public static string ProtectedWithoutEntry(string topic, string appId, string scopeKey) =>
        $"topic {Q(topic)} is protected and app {Q(appId)} has no {scopeKey} entry for it";

    public static string NotInAppScope(string topic, string appId, string scopeKey, TopicList scoped) =>
        $"topic {Q(topic)} is not in the {scopeKey} of app {Q(appId)} (allowed: {string.Join(", ", scoped.Items.Select(Q))})";

    /// <summary>The app has no list for this operation and the topic is not protected.</summary>
    public static string Unrestricted(
        string topic, string appId, string scopeKey, bool allowedTopicsSet, bool protectedTopicsSet, bool scopeKeySet)
    {
        if (!allowedTopicsSet && !protectedTopicsSet && !scopeKeySet)
        {
            return $"no allowedTopics, protectedTopics or {scopeKey} apply";
        }

        var clauses = new List<string>();
        if (allowedTopicsSet)
        {
            clauses.Add($"topic {Q(topic)} is in allowedTopics");
        }

        clauses.Add(scopeKeySet ? $"app {Q(appId)} is not listed in {scopeKey}" : $"no {scopeKey} are set");
        if (protectedTopicsSet)
        {
            clauses.Add($"topic {Q(topic)} is not protected");
        }

        return JoinClauses(clauses);
    }

    /// <summary>The topic is in the app's list for this operation.</summary>
    public static string InAppScope(string topic, string appId, string scopeKey, bool allowedTopicsSet, bool isProtected)
    {
        var clauses = new List<string>();
        if (allowedTopicsSet)
        {
            clauses.Add("is in allowedTopics");
        }

        if (isProtected)
        {
            clauses.Add("is protected");
        }

        clauses.Add($"is in the {scopeKey} of app {Q(appId)}");
        return $"topic {Q(topic)} {JoinClauses(clauses)}";
    }

    private static string JoinClauses(List<string> clauses) => clauses.Count == 1
        ? clauses[0]
        : $"{string.Join(", ", clauses.Take(clauses.Count - 1))} and {clauses[^1]}";

    private static string Q(string name) => $"'{name}'";
}
