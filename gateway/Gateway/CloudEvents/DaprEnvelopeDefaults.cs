namespace Gateway.CloudEvents;

/// <summary>Dapr's fixed envelope values and extension attribute names (dapr-pubsub spec §2.6).</summary>
internal static class DaprEnvelopeDefaults
{
    /// <summary>Source used when the app ID (or a passthrough event's source) is missing.</summary>
    public const string DefaultSource = "Dapr";

    /// <summary>Type of envelopes Dapr creates.</summary>
    public const string DefaultEventType = "com.dapr.event.sent";

    /// <summary><c>datacontenttype</c> when the publish request carries no Content-Type.</summary>
    public const string DefaultContentType = "text/plain";

    public const string Topic = "topic";
    public const string PubsubName = "pubsubname";
    public const string TraceId = "traceid";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string Expiration = "expiration";
}
