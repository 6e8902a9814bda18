namespace Gateway.Delivery;

/// <summary>One broker message as delivery sees it after decoding, expiry and routing.</summary>
/// <param name="CloudEvent">
/// The structured CloudEvent the app receives: the stored event, a binary-mode event rebuilt, or for a
/// <c>rawPayload</c> subscription the event Dapr wraps the raw bytes in. Empty when <see cref="Failure"/> is set.
/// </param>
/// <param name="Path">The route path (starting with '/'); null when the message is not sent.</param>
/// <param name="Expired">Not sent because its <c>expiration</c> has passed.</param>
/// <param name="Failure">Why it cannot be delivered at all (not a CloudEvent, routing failed); null otherwise.</param>
/// <param name="TraceParent">The trace context it carries (the event's <c>traceparent</c>, else <c>traceid</c>; for a raw payload the message metadata's); "" when none.</param>
/// <param name="TraceState">Its <c>tracestate</c>; "" when none.</param>
internal sealed record DecodedMessage(ReadOnlyMemory<byte> CloudEvent, string? Path, bool Expired, string? Failure, string TraceParent, string TraceState)
{
    public static DecodedMessage Undeliverable(string reason) => new(default, null, false, reason, "", "");
}
