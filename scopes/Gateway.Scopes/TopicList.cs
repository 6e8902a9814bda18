namespace Gateway.Scopes;

/// <summary>
/// An ordered, duplicate-free list of topics with ordinal (case-sensitive, literal) membership.
/// The order is kept for messages; lookups go through a set so long lists stay cheap.
/// </summary>
internal sealed class TopicList
{
    private readonly HashSet<string> members;

    public TopicList(IReadOnlyList<string> items)
    {
        Items = items;
        members = new HashSet<string>(items, StringComparer.Ordinal);
    }

    /// <summary>A list without topics.</summary>
    public static TopicList Empty { get; } = new([]);

    /// <summary>The topics in first-seen order; may contain the empty string.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>True when the list holds no entry at all (an empty-string entry counts as an entry).</summary>
    public bool IsEmpty => Items.Count == 0;

    /// <summary>True when the list holds only the empty string, which no real topic can equal.</summary>
    public bool HoldsOnlyEmptyTopic => Items is [""];

    /// <summary>Exact, ordinal membership; <c>*</c>, <c>#</c>, <c>.</c> and <c>/</c> have no special meaning.</summary>
    public bool Contains(string topic) => members.Contains(topic);
}
