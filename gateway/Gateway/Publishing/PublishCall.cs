using Gateway.Authentication;

namespace Gateway.Publishing;

/// <summary>What every front door (HTTP, gRPC) knows about a publish before its body is read.</summary>
/// <param name="Caller">The authenticated app on whose behalf the event is published.</param>
/// <param name="PubsubName">The pubsub component name as the caller gave it.</param>
/// <param name="Topic">The topic as the caller gave it (no namespace prefix).</param>
/// <param name="Metadata">Publish metadata, the <c>metadata.</c> prefix removed.</param>
/// <param name="TraceParent">The caller's W3C <c>traceparent</c>; empty when none.</param>
/// <param name="TraceState">The caller's W3C <c>tracestate</c>; empty when none.</param>
internal sealed record PublishCall(
    Caller Caller,
    string PubsubName,
    string Topic,
    Dictionary<string, string> Metadata,
    string TraceParent,
    string TraceState);
