namespace Gateway.Publishing;

/// <summary>One entry of a bulk publish as the front door read it.</summary>
/// <param name="EntryId">The caller's ID of the entry; must be present and unique within the request.</param>
/// <param name="Data">The entry's event as bytes.</param>
/// <param name="ContentType">The entry's content type (its CloudEvent <c>datacontenttype</c>).</param>
/// <param name="Metadata">
/// The entry's own metadata; null when the entry has none. When present it is merged over the request's,
/// entry keys winning; when absent the entry's envelope sees none of the request-level keys (Dapr's behaviour).
/// </param>
internal sealed record BulkPublishInput(string? EntryId, ReadOnlyMemory<byte> Data, string? ContentType, IReadOnlyDictionary<string, string>? Metadata);
