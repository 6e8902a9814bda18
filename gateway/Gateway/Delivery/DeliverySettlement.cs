using Gateway.Drivers;
using Gateway.Publishing;
using Gateway.Resiliency;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>
/// The last steps of every delivery, single or batched: turns what became of a message into the driver's
/// outcome (acknowledge only on a final one), writes dead letters through the publish service on behalf of
/// the subscriber, counts the final outcome and logs it. One instance per running subscription.
/// </summary>
internal sealed partial class DeliverySettlement(DeliveryTarget target, PublishService publisher, GatewayMetrics metrics, ILogger<DeliverySettlement> logger)
{
    /// <summary>
    /// A message that was not sent: an undeliverable one is dead-lettered when a dead-letter topic is set,
    /// else left for redelivery; an expired or unrouted one is dead-lettered on a best-effort basis and acknowledged.
    /// </summary>
    public async Task<MessageOutcome> SettleUnsentAsync(BrokerMessage message, DecodedMessage decoded, CancellationToken cancellationToken)
    {
        if (decoded.Failure is { } reason)
        {
            LogUndeliverable(logger, message.Id, target.Topic, target.App.AppId, reason);
            return target.DeadLetterTopic is null ? MessageOutcome.Redeliver : await DeadLetterAsync(message, bestEffort: false, cancellationToken);
        }

        if (decoded.Expired)
        {
            LogExpired(logger, message.Id, target.Topic, target.App.AppId);
            CountDelivery("expired");
        }
        else
        {
            LogNoRoute(logger, message.Id, target.Topic, target.App.AppId);
        }

        await DeadLetterAsync(message, bestEffort: true, cancellationToken);
        return MessageOutcome.Acknowledge;
    }

    /// <summary>
    /// A message the app answered (after retries): SUCCESS acknowledges; DROP dead-letters (when a topic is
    /// set) and acknowledges; RETRY dead-letters when a topic is set, else leaves it for redelivery.
    /// <paramref name="detail"/> is logged per message; null when the caller logged the batch as a whole.
    /// </summary>
    public async Task<MessageOutcome> SettleAsync(BrokerMessage message, AppReplyStatus status, string path, string? detail, CancellationToken cancellationToken)
    {
        CountDelivery(OutcomeName(status));
        switch (status)
        {
            case AppReplyStatus.Success:
                Delivered();
                return MessageOutcome.Acknowledge;
            case AppReplyStatus.Drop:
                if (detail is not null)
                {
                    LogDropped(logger, message.Id, target.Topic, target.App.AppId, detail);
                }

                return await DeadLetterAsync(message, bestEffort: false, cancellationToken);
            default:
                if (detail is not null)
                {
                    NotDelivered(message.Id, path, detail);
                }

                return target.DeadLetterTopic is null ? MessageOutcome.Redeliver : await DeadLetterAsync(message, bestEffort: false, cancellationToken);
        }
    }

    /// <summary>
    /// A message the app did not take: the first of a run is logged whole, then one summary per period (the
    /// app's run is shared by all its subscriptions), so an app that is down for a while makes a few lines, not one per retry.
    /// </summary>
    public void NotDelivered(string messageId, string path, string detail)
    {
        if (IsFirstFailure(detail))
        {
            LogNotDelivered(logger, messageId, target.Topic, target.App.AppId, path, detail);
        }
    }

    /// <summary>Messages of one batch the app did not take, logged as <see cref="NotDelivered"/> is.</summary>
    public void BatchNotDelivered(int count, int total, string path, string detail)
    {
        if (IsFirstFailure(detail))
        {
            LogBatchNotDelivered(logger, count, total, target.Topic, target.App.AppId, path, detail);
        }
    }

    /// <summary>Counts a failure in the app's run; true when it starts the run (log it whole); logs the periodic summary itself.</summary>
    private bool IsFirstFailure(string detail)
    {
        var note = target.Failures.Failed();
        if (note.Kind == FailureNoteKind.Summary)
        {
            LogStillNotDelivered(logger, note.Count, target.App.AppId, (int)FailureRun.DefaultPeriod.TotalSeconds, detail);
        }

        return note.Kind == FailureNoteKind.First;
    }

    /// <summary>A delivery the app took: ends the app's run of failures, saying so once.</summary>
    public void Delivered()
    {
        if (target.Failures.Succeeded() is > 0 and var failures)
        {
            LogRecovered(logger, target.App.AppId, failures);
        }
    }

    /// <summary>The <c>outcome</c> tag of a reply on the delivery instruments.</summary>
    public static string OutcomeName(AppReplyStatus status) => status switch
    {
        AppReplyStatus.Success => "success",
        AppReplyStatus.Drop => "drop",
        _ => "retry",
    };

    private void CountDelivery(string outcome) => metrics.CountDelivery(outcome, target.App.AppId, target.Component.Name, target.Topic);

    /// <summary>
    /// Republishes the original message, unchanged, to the dead-letter topic on behalf of the subscriber
    /// (its publishing scopes apply). Acknowledge when written or when there is no dead-letter topic;
    /// redeliver when the write failed, unless <paramref name="bestEffort"/>.
    /// </summary>
    private async Task<MessageOutcome> DeadLetterAsync(BrokerMessage message, bool bestEffort, CancellationToken cancellationToken)
    {
        if (target.DeadLetterTopic is not { } deadLetterTopic)
        {
            return MessageOutcome.Acknowledge;
        }

        var request = new PublishRequest(deadLetterTopic, message.Data, message.ContentType, message.Metadata);
        var error = await publisher.RepublishAsync(target.Component, target.Subscriber, request, cancellationToken);
        if (error is null)
        {
            metrics.DeadLetters.Add(1, new("pubsub", target.Component.Name), new("topic", deadLetterTopic));
            LogDeadLettered(logger, message.Id, target.Topic, deadLetterTopic);
            return MessageOutcome.Acknowledge;
        }

        LogDeadLetterFailed(logger, message.Id, deadLetterTopic, error.Message);
        return bestEffort ? MessageOutcome.Acknowledge : MessageOutcome.Redeliver;
    }

    [LoggerMessage(EventId = EventIds.DeliverySettlement.BatchNotDelivered, Level = LogLevel.Warning,
        Message = "{Count} of {Total} messages of topic '{Topic}' not delivered to app '{AppId}' at '{Path}' in one batch: {Detail}")]
    private static partial void LogBatchNotDelivered(ILogger logger, int count, int total, string topic, string appId, string path, string detail);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.StillNotDelivered, Level = LogLevel.Warning,
        Message = "{Count} more deliveries to app '{AppId}' failed in the last {Seconds} s; the last: {Detail}")]
    private static partial void LogStillNotDelivered(ILogger logger, int count, string appId, int seconds, string detail);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.Recovered, Level = LogLevel.Information, Message = "Deliveries to app '{AppId}' succeed again after {Count} failed")]
    private static partial void LogRecovered(ILogger logger, string appId, int count);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.Expired, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' for app '{AppId}' expired before delivery")]
    private static partial void LogExpired(ILogger logger, string messageId, string topic, string appId);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.NoRoute, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' for app '{AppId}' matched no route and was dropped")]
    private static partial void LogNoRoute(ILogger logger, string messageId, string topic, string appId);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.Dropped, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' dropped by app '{AppId}': {Detail}")]
    private static partial void LogDropped(ILogger logger, string messageId, string topic, string appId, string detail);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.NotDelivered, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' not delivered to app '{AppId}' at '{Path}': {Detail}")]
    private static partial void LogNotDelivered(ILogger logger, string messageId, string topic, string appId, string path, string detail);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.Undeliverable, Level = LogLevel.Error, Message = "Message {MessageId} of topic '{Topic}' cannot be delivered to app '{AppId}': {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, string messageId, string topic, string appId, string reason);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.DeadLettered, Level = LogLevel.Information, Message = "Message {MessageId} of topic '{Topic}' written to dead-letter topic '{DeadLetterTopic}'")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string topic, string deadLetterTopic);

    [LoggerMessage(EventId = EventIds.DeliverySettlement.DeadLetterFailed, Level = LogLevel.Error, Message = "Message {MessageId} could not be written to dead-letter topic '{DeadLetterTopic}': {Error}")]
    private static partial void LogDeadLetterFailed(ILogger logger, string messageId, string deadLetterTopic, string error);
}
