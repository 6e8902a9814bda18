using System.Collections.Concurrent;

namespace Gateway.LoadGen.Load;

/// <summary>Failed sends by kind (<c>http 500</c>, <c>io</c>, …), counted from any thread.</summary>
internal sealed class ErrorCounts
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Add(string kind, long count = 1) => _counts.AddOrUpdate(kind, count, (_, current) => current + count);

    public SortedDictionary<string, long> Snapshot() => new(_counts, StringComparer.Ordinal);
}
