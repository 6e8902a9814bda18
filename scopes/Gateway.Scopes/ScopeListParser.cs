namespace Gateway.Scopes;

/// <summary>
/// Parses scope metadata values exactly as Dapr does. Malformed input never throws: entries that
/// do not fit the format are skipped.
/// </summary>
internal static class ScopeListParser
{
    private const char AppSeparator = ';';
    private const char AppTopicsSeparator = '=';
    private const char TopicSeparator = ',';

    /// <summary>
    /// The topics that <paramref name="appId"/> is scoped to by a <c>publishingScopes</c> or
    /// <c>subscriptionScopes</c> value of the form <c>app=t1,t2;app2=t3</c>.
    /// </summary>
    /// <returns>
    /// An empty list when the value is null or empty or does not list the app (no restriction);
    /// otherwise the union of the app's topics in first-seen order. Empty topics are kept, so
    /// <c>app=</c> yields a list holding one empty string, which restricts the app to no real topic.
    /// </returns>
    public static IReadOnlyList<string> ScopedTopics(string? value, string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        var topics = new OrderedTopicSet();
        foreach (var entry in RemoveSpaces(value).Split(AppSeparator))
        {
            var parts = entry.Split(AppTopicsSeparator);

            // "app" without '=' and the empty entry after a trailing ';' are not entries at all.
            if (parts.Length < 2 || !string.Equals(parts[0], appId, StringComparison.Ordinal))
            {
                continue;
            }

            // Anything after a second '=' is dropped: "app=t1=t2" scopes the app to "t1" only.
            topics.AddAll(parts[1].Split(TopicSeparator));
        }

        return topics.ToList();
    }

    /// <summary>
    /// The topics of an <c>allowedTopics</c> or <c>protectedTopics</c> value of the form <c>t1,t2</c>.
    /// </summary>
    /// <returns>
    /// An empty list when the value is null or empty (no effect). The emptiness test happens before
    /// spaces are removed, so a value of one space yields a list holding one empty string.
    /// </returns>
    public static IReadOnlyList<string> ParamTopics(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        var topics = new OrderedTopicSet();
        topics.AddAll(RemoveSpaces(value).Split(TopicSeparator));
        return topics.ToList();
    }

    // Only U+0020 is removed; tabs, newlines and other white space stay part of names.
    private static string RemoveSpaces(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal);

    private sealed class OrderedTopicSet
    {
        private readonly List<string> ordered = [];
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        public void AddAll(IEnumerable<string> topics)
        {
            foreach (var topic in topics)
            {
                if (seen.Add(topic))
                {
                    ordered.Add(topic);
                }
            }
        }

        public IReadOnlyList<string> ToList() => ordered.ToArray();
    }
}
