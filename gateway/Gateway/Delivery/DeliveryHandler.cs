using System.Text.Json;
using Gateway.Authentication;
using Gateway.CloudEvents;
using Gateway.Drivers;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Subscriptions;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>
/// Delivers the messages of one subscription to one app: decode, expiry, route, POST, read the reply,
/// retry per policy, dead-letter; and tells the driver to acknowledge only on a final outcome
/// (spec/dapr-pubsub.md §4.5–§4.6 and DESIGN.md "At-least-once, precisely").
/// </summary>
internal sealed partial class DeliveryHandler(
    DeliveryTarget target,
    TopicPublisher publisher,
    IInboundPolicy policy,
    Func<TimeSpan> attemptTimeout,
    GatewayMetrics metrics,
    GatewayTracing tracing,
    TimeProvider timeProvider,
    ILogger<DeliveryHandler> logger)
{
    /// <summary>The traceparent Dapr sends when the event carries none (tracing disabled).</summary>
    private const string EmptyTraceParent = "00-00000000000000000000000000000000-0000000000000000-00";

    private SubscriptionDefinition Definition => target.Definition;

    private PubsubComponent Component => target.Component;

    public async ValueTask<MessageOutcome> HandleAsync(BrokerMessage message, CancellationToken cancellationToken)
    {
        var raw = Definition.RawPayload;
        if (raw is null)
        {
            return await FailAsync(message, "the subscription's rawPayload metadata is not a boolean", cancellationToken);
        }

        ReadOnlyMemory<byte> body;
        if (raw.Value)
        {
            var rawTraceParent = Lookup(message.Metadata, "traceparent") ?? Lookup(message.Metadata, "traceid");
            body = RawPayloadEnvelope.Create(message.Data.Span, Definition.Topic, Component.Name,
                rawTraceParent, Lookup(message.Metadata, "tracestate"), timeProvider.GetUtcNow());
        }
        else if (BrokerBinaryModeEvent.Applies(message))
        {
            body = BrokerBinaryModeEvent.Rebuild(message, Definition.Topic, Component.Name);
        }
        else
        {
            body = message.Data;
        }

        using var cloudEvent = CloudEventJson.TryParseObject(body);
        if (cloudEvent is null)
        {
            return await FailAsync(message, "the message is not a JSON CloudEvent", cancellationToken);
        }

        if (!raw.Value && CloudEventExpiration.IsExpired(cloudEvent.RootElement, timeProvider.GetUtcNow()))
        {
            LogExpired(logger, message.Id, Definition.Topic, target.App.AppId);
            CountDelivery("expired");
            await DeadLetterAsync(message, bestEffort: true, cancellationToken);
            return MessageOutcome.Acknowledge;
        }

        var route = target.Routes.Select(cloudEvent.RootElement);
        if (route.Error is not null)
        {
            return await FailAsync(message, $"routing failed: {route.Error}", cancellationToken);
        }

        if (route.Path is null)
        {
            LogNoRoute(logger, message.Id, Definition.Topic, target.App.AppId);
            await DeadLetterAsync(message, bestEffort: true, cancellationToken);
            return MessageOutcome.Acknowledge;
        }

        var path = route.Path.StartsWith('/') ? route.Path : "/" + route.Path;
        var traceParent = ReadString(cloudEvent.RootElement, "traceparent") ?? ReadString(cloudEvent.RootElement, "traceid") ?? "";
        var traceState = ReadString(cloudEvent.RootElement, "tracestate") ?? "";
        var headers = DeliveryHeaders.FromMetadata(message.Metadata, Component.Name);
        headers.Add(new("traceparent", traceParent.Length == 0 ? EmptyTraceParent : traceParent));
        if (traceState.Length > 0)
        {
            headers.Add(new("tracestate", traceState));
        }

        var attempts = 0;
        var reply = await policy.ExecuteAsync(token => AttemptAsync(path, body, headers, traceParent, traceState, ++attempts, token), cancellationToken);
        CountDelivery(OutcomeName(reply.Status));
        switch (reply.Status)
        {
            case AppReplyStatus.Success:
                return MessageOutcome.Acknowledge;
            case AppReplyStatus.Drop:
                LogDropped(logger, message.Id, Definition.Topic, target.App.AppId, reply.Detail);
                return await DeadLetterAsync(message, bestEffort: false, cancellationToken);
            default:
                LogNotDelivered(logger, message.Id, Definition.Topic, target.App.AppId, path, reply.Detail);
                return Definition.DeadLetterTopic is null
                    ? MessageOutcome.Redeliver
                    : await DeadLetterAsync(message, bestEffort: false, cancellationToken);
        }
    }

    /// <summary>
    /// One POST to the app, measured (in flight, duration, retries) and, when tracing is on, inside its own
    /// span, whose context replaces the event's in the <c>traceparent</c>/<c>tracestate</c> headers.
    /// </summary>
    private async Task<AppReply> AttemptAsync(
        string path, ReadOnlyMemory<byte> body, List<KeyValuePair<string, string>> headers, string traceParent, string traceState, int attempt, CancellationToken cancellationToken)
    {
        var span = tracing.Enabled ? tracing.StartDelivery(Component, Definition.Topic, target.App.AppId, path, attempt, traceParent, traceState) : null;
        var sent = span is null ? headers : DeliveryHeaders.WithTraceContext(headers, GatewayTracing.TraceParentOf(span), span.TraceStateString);
        var measurement = new DeliveryAttemptMeasurement(metrics, target.App.AppId, Component.Name, Definition.Topic, attempt, messages: 1);
        AppReply reply;
        try
        {
            reply = await target.Channel.PostAsync(path, body, CloudEventMediaTypes.StructuredJson, sent, attemptTimeout(), cancellationToken);
        }
        catch (Exception ex) when (span is not null)
        {
            GatewayTracing.Finish(span, "cancelled", ex.Message);
            throw;
        }
        finally
        {
            measurement.Leave();
        }

        var outcome = OutcomeName(reply.Status);
        measurement.Record(outcome);
        GatewayTracing.Finish(span, outcome, reply.Status == AppReplyStatus.Retry ? reply.Detail : null);
        return reply;
    }

    private static string OutcomeName(AppReplyStatus status) => status switch
    {
        AppReplyStatus.Success => "success",
        AppReplyStatus.Drop => "drop",
        _ => "retry",
    };

    /// <summary>One final delivery outcome on <c>gateway.deliveries</c>, tagged so a topic's outcomes can be told apart.</summary>
    private void CountDelivery(string outcome) => metrics.CountDelivery(outcome, target.App.AppId, Component.Name, Definition.Topic);

    /// <summary>A message that cannot be delivered at all: dead-letter it if possible, else leave it to the broker.</summary>
    private async Task<MessageOutcome> FailAsync(BrokerMessage message, string reason, CancellationToken cancellationToken)
    {
        LogUndeliverable(logger, message.Id, Definition.Topic, target.App.AppId, reason);
        return Definition.DeadLetterTopic is null
            ? MessageOutcome.Redeliver
            : await DeadLetterAsync(message, bestEffort: false, cancellationToken);
    }

    /// <summary>
    /// Republishes the original message, unchanged, to the dead-letter topic on behalf of the subscriber
    /// (its publishing scopes apply). Acknowledge when written or when there is no dead-letter topic;
    /// redeliver when the write failed, unless <paramref name="bestEffort"/>.
    /// </summary>
    private async Task<MessageOutcome> DeadLetterAsync(BrokerMessage message, bool bestEffort, CancellationToken cancellationToken)
    {
        if (Definition.DeadLetterTopic is not { } deadLetterTopic)
        {
            return MessageOutcome.Acknowledge;
        }

        var request = new PublishRequest(deadLetterTopic, message.Data, message.ContentType, message.Metadata);
        var error = await publisher.PublishAsync(Component, target.Subscriber, request, cancellationToken);
        if (error is null)
        {
            metrics.DeadLetters.Add(1, new("pubsub", Component.Name), new("topic", deadLetterTopic));
            LogDeadLettered(logger, message.Id, Definition.Topic, deadLetterTopic);
            return MessageOutcome.Acknowledge;
        }

        LogDeadLetterFailed(logger, message.Id, deadLetterTopic, error.Message);
        return bestEffort ? MessageOutcome.Acknowledge : MessageOutcome.Redeliver;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string? Lookup(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' for app '{AppId}' expired before delivery")]
    private static partial void LogExpired(ILogger logger, string messageId, string topic, string appId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' for app '{AppId}' matched no route and was dropped")]
    private static partial void LogNoRoute(ILogger logger, string messageId, string topic, string appId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' dropped by app '{AppId}': {Detail}")]
    private static partial void LogDropped(ILogger logger, string messageId, string topic, string appId, string detail);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' not delivered to app '{AppId}' at '{Path}': {Detail}")]
    private static partial void LogNotDelivered(ILogger logger, string messageId, string topic, string appId, string path, string detail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Message {MessageId} of topic '{Topic}' cannot be delivered to app '{AppId}': {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, string messageId, string topic, string appId, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Message {MessageId} of topic '{Topic}' written to dead-letter topic '{DeadLetterTopic}'")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string topic, string deadLetterTopic);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Message {MessageId} could not be written to dead-letter topic '{DeadLetterTopic}': {Error}")]
    private static partial void LogDeadLetterFailed(ILogger logger, string messageId, string deadLetterTopic, string error);
}
