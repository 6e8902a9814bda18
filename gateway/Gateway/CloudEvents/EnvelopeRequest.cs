namespace Gateway.CloudEvents;

/// <summary>Everything <see cref="DaprEnvelope.Create"/> needs from one (non-raw) publish request.</summary>
/// <param name="Body">The request body.</param>
/// <param name="ContentType">The request Content-Type header verbatim; null when absent.</param>
/// <param name="BinaryModeHeaders">Request headers whose names start with <c>ce-</c> (any case); null or empty when none.</param>
/// <param name="AppId">The publishing app's ID (default <c>source</c>).</param>
/// <param name="PubsubName">The pubsub component name from the URL.</param>
/// <param name="Topic">The topic from the URL, as the app sees it (no namespace prefix).</param>
/// <param name="Metadata">Publish metadata with the <c>metadata.</c> prefix already removed.</param>
/// <param name="TraceParent">The W3C traceparent of the publish span; empty when there is none.</param>
/// <param name="TraceState">The W3C tracestate of the publish span; empty when there is none.</param>
/// <param name="Now">The clock reading used for <c>time</c> and <c>expiration</c>.</param>
internal sealed record EnvelopeRequest(
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    IReadOnlyDictionary<string, string>? BinaryModeHeaders,
    string AppId,
    string PubsubName,
    string Topic,
    IReadOnlyDictionary<string, string> Metadata,
    string TraceParent,
    string TraceState,
    DateTimeOffset Now);
