using System.Collections.Concurrent;
using System.Text;

namespace Gateway.Drivers.Tests.Conformance;

/// <summary>Everything one handler was given, in arrival order, safe to add to from many handlers at once.</summary>
public sealed class ReceivedMessages
{
    private readonly ConcurrentQueue<BrokerMessage> _messages = new();

    /// <summary>A handler that records each message and acknowledges it.</summary>
    public MessageHandler Acknowledging => (message, _) =>
    {
        Add(message);
        return ValueTask.FromResult(MessageOutcome.Acknowledge);
    };

    public int Count => _messages.Count;

    public IReadOnlyList<BrokerMessage> All => [.. _messages];

    /// <summary>The payloads as UTF-8 text, in arrival order, duplicates included.</summary>
    public IReadOnlyList<string> Texts => [.. _messages.Select(m => Encoding.UTF8.GetString(m.Data.Span))];

    public int DistinctTextCount => Texts.Distinct(StringComparer.Ordinal).Count();

    public void Add(BrokerMessage message) => _messages.Enqueue(message);

    public bool Contains(string text) => Texts.Contains(text, StringComparer.Ordinal);

    public string Describe() => $"{Count} messages arrived ({DistinctTextCount} distinct): [{string.Join(", ", Texts.Take(20))}{(Count > 20 ? ", ..." : "")}]";
}
