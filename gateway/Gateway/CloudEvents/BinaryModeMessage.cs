namespace Gateway.CloudEvents;

/// <summary>
/// A CloudEvent laid out for binary-mode HTTP: <c>ce-</c> headers (values already H9-encoded), the
/// Content-Type (null when the event has no <c>datacontenttype</c> and no JSON <c>data</c>) and the body.
/// </summary>
internal sealed record BinaryModeMessage(
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[] Body);
