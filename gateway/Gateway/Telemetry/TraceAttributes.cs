namespace Gateway.Telemetry;

/// <summary>Attribute names on the gateway's spans: OpenTelemetry's messaging conventions, then the gateway's own.</summary>
internal static class TraceAttributes
{
    public const string MessagingSystem = "messaging.system";

    public const string MessagingOperationName = "messaging.operation.name";

    public const string MessagingDestinationName = "messaging.destination.name";

    /// <summary>The number of messages a bulk publish request or a bulk delivery attempt carries.</summary>
    public const string MessagingBatchMessageCount = "messaging.batch.message_count";

    /// <summary>The pub/sub component's name.</summary>
    public const string Pubsub = "gateway.pubsub";

    /// <summary>The publishing app (publish spans) or the receiving app (delivery spans).</summary>
    public const string AppId = "gateway.app_id";

    /// <summary>Publish: <c>stored</c> or the HTTP status answered; delivery: <c>success</c>, <c>retry</c> or <c>drop</c>.</summary>
    public const string Outcome = "gateway.outcome";

    /// <summary>The app path a delivery was POSTed to.</summary>
    public const string DeliveryPath = "gateway.delivery.path";

    /// <summary>1 for the first attempt of a message's delivery, 2 for the first retry, ...</summary>
    public const string DeliveryAttempt = "gateway.delivery.attempt";
}
