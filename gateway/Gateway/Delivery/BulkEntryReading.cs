namespace Gateway.Delivery;

/// <summary>What one message of a batch turned out to be before sending.</summary>
/// <param name="Path">The route path it goes to; null when it is not sent.</param>
/// <param name="Event">The entry's event: CloudEvent JSON, or the raw bytes when <paramref name="Raw"/>.</param>
/// <param name="Raw">Whether the subscription is <c>rawPayload</c>.</param>
/// <param name="Expired">Not sent because its <c>expiration</c> has passed.</param>
/// <param name="Failure">Not sent because it cannot be delivered (not a CloudEvent, routing failed); null otherwise.</param>
/// <param name="TraceParent">The trace context the message carries (CloudEvent <c>traceparent</c>, else <c>traceid</c>; for a raw
/// subscription the message metadata's), "" when none.</param>
/// <param name="TraceState">Its <c>tracestate</c>, "" when none.</param>
internal sealed record BulkEntryReading(string? Path, ReadOnlyMemory<byte> Event, bool Raw, bool Expired, string? Failure, string TraceParent = "", string TraceState = "")
{
    public static BulkEntryReading Failed(string reason) => new(null, default, false, false, reason);

    /// <summary>Expired, or (with <paramref name="expired"/> false) matched no route: acknowledged without sending.</summary>
    public static BulkEntryReading NotSent(bool expired) => new(null, default, false, expired, null);
}
