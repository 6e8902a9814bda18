namespace Gateway.Publishing;

/// <summary>The event of a single publish as the front door read it.</summary>
/// <param name="Data">The body: the event data, a whole structured CloudEvent, or a raw payload.</param>
/// <param name="ContentType">The body's content type verbatim; null when absent.</param>
/// <param name="BinaryModeAttributes">
/// CloudEvent attributes given beside the body (HTTP <c>ce-*</c> headers, binary content mode); null when none.
/// </param>
/// <param name="RepeatedAttribute">The first of those given more than once (the name as the caller wrote it); null when none was.</param>
internal sealed record PublishContent(
    ReadOnlyMemory<byte> Data, string? ContentType, IReadOnlyDictionary<string, string>? BinaryModeAttributes = null, string? RepeatedAttribute = null);
