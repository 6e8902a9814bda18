namespace Gateway.Delivery;

/// <summary>One message as an entry of a bulk delivery.</summary>
/// <param name="EntryId">Unique within the batch; the app names it in its reply.</param>
/// <param name="Index">The message's position in the batch.</param>
/// <param name="Event">The CloudEvent JSON, or the raw bytes for a <c>rawPayload</c> subscription.</param>
/// <param name="Raw">True when <paramref name="Event"/> is raw bytes, sent as base64 with <c>application/octet-stream</c>.</param>
/// <param name="Metadata">The message's metadata.</param>
/// <param name="TraceParent">The trace context the message carries, "" when none: the delivery span links to it.</param>
/// <param name="TraceState">Its <c>tracestate</c>, "" when none.</param>
internal sealed record BulkEntry(string EntryId, int Index, ReadOnlyMemory<byte> Event, bool Raw, IReadOnlyDictionary<string, string> Metadata, string TraceParent = "", string TraceState = "");
