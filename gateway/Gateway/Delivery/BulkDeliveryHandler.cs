using Gateway.Drivers;
using Gateway.Publishing;
using Gateway.Subscriptions;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>
/// Delivers a <c>bulkSubscribe</c> subscription in batches (spec/dapr-pubsub.md §4.7). The driver hands
/// messages over one by one; <see cref="BulkBatcher"/> holds each handler call until its batch is full or
/// old enough. A batch is decoded and routed per message (as single delivery does), sent as one POST per
/// route path, and each message gets its own outcome from its entry's status: SUCCESS acknowledges, DROP
/// dead-letters (when configured) and acknowledges, RETRY dead-letters when configured, else redelivers.
/// </summary>
internal sealed partial class BulkDeliveryHandler
{
    private readonly DeliveryTarget _target;
    private readonly TopicPublisher _publisher;
    private readonly BulkPathSender _sender;
    private readonly BulkBatcher _batcher;
    private readonly GatewayMetrics _metrics;
    private readonly GatewayTracing _tracing;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BulkDeliveryHandler> _logger;

    public BulkDeliveryHandler(DeliveryTarget target, BulkSubscribeOptions options, TopicPublisher publisher, IInboundPolicy policy, Func<TimeSpan> attemptTimeout,
        GatewayMetrics metrics, GatewayTracing tracing, TimeProvider timeProvider, ILogger<BulkDeliveryHandler> logger)
    {
        _target = target;
        _publisher = publisher;
        _sender = new BulkPathSender(target, policy, attemptTimeout, metrics, tracing);
        _batcher = new BulkBatcher(options.MaxMessagesCount, TimeSpan.FromMilliseconds(options.MaxAwaitDurationMs), timeProvider, DeliverAsync);
        _metrics = metrics;
        _tracing = tracing;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    private SubscriptionDefinition Definition => _target.Definition;

    public ValueTask<MessageOutcome> HandleAsync(BrokerMessage message, CancellationToken cancellationToken) =>
        new(_batcher.AddAsync(message, cancellationToken));

    /// <summary>Delivers one batch; the outcomes are in the order of <paramref name="messages"/>.</summary>
    internal async Task<IReadOnlyList<MessageOutcome>> DeliverAsync(IReadOnlyList<BrokerMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new MessageOutcome[messages.Count];
        var byPath = new Dictionary<string, List<BulkEntry>>(StringComparer.Ordinal);
        var entryIds = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < messages.Count; index++)
        {
            var message = messages[index];
            var prepared = BulkEntryReader.Read(message, Definition, _target, _timeProvider.GetUtcNow(), _tracing.Enabled);
            if (prepared.Path is not { } path)
            {
                outcomes[index] = await SettleUnsentAsync(message, prepared, cancellationToken);
                continue;
            }

            // The broker's ID names the entry; a repeated or empty one (two partitions) gets a fresh one.
            var entryId = message.Id.Length > 0 && entryIds.Add(message.Id) ? message.Id : Guid.NewGuid().ToString();
            var entry = new BulkEntry(entryId, index, prepared.Event, prepared.Raw, message.Metadata, prepared.TraceParent, prepared.TraceState);
            if (!byPath.TryGetValue(path, out var entries))
            {
                byPath[path] = entries = [];
            }

            entries.Add(entry);
        }

        await Task.WhenAll(byPath.Select(group => SendPathAsync(group.Key, group.Value, messages, outcomes, cancellationToken)));
        return outcomes;
    }

    private async Task SendPathAsync(string path, List<BulkEntry> entries, IReadOnlyList<BrokerMessage> messages, MessageOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var (statuses, detail) = await _sender.SendAsync(path, entries, cancellationToken);
        var notDelivered = statuses.Count(status => status != AppReplyStatus.Success);
        if (notDelivered > 0)
        {
            LogNotAllDelivered(_logger, notDelivered, entries.Count, Definition.Topic, _target.App.AppId, path, detail);
        }

        for (var position = 0; position < entries.Count; position++)
        {
            var entry = entries[position];
            var message = messages[entry.Index];
            CountDelivery(statuses[position].ToString().ToLowerInvariant());
            outcomes[entry.Index] = statuses[position] switch
            {
                AppReplyStatus.Success => MessageOutcome.Acknowledge,
                AppReplyStatus.Drop => await DeadLetterAsync(message, bestEffort: false, cancellationToken),
                _ => Definition.DeadLetterTopic is null ? MessageOutcome.Redeliver : await DeadLetterAsync(message, bestEffort: false, cancellationToken),
            };
        }
    }

    /// <summary>A message that is not sent: expired or unrouted ones are acknowledged, undeliverable ones dead-lettered or redelivered.</summary>
    private async Task<MessageOutcome> SettleUnsentAsync(BrokerMessage message, BulkEntryReading reading, CancellationToken cancellationToken)
    {
        if (reading.Failure is { } reason)
        {
            LogUndeliverable(_logger, message.Id, Definition.Topic, _target.App.AppId, reason);
            return Definition.DeadLetterTopic is null ? MessageOutcome.Redeliver : await DeadLetterAsync(message, bestEffort: false, cancellationToken);
        }

        LogNotSent(_logger, message.Id, Definition.Topic, _target.App.AppId, reading.Expired ? "it expired" : "it matched no route");
        if (reading.Expired)
        {
            CountDelivery("expired");
        }

        await DeadLetterAsync(message, bestEffort: true, cancellationToken);
        return MessageOutcome.Acknowledge;
    }

    /// <summary>One final delivery outcome on <c>gateway.deliveries</c>, tagged as single delivery tags it.</summary>
    private void CountDelivery(string outcome) => _metrics.CountDelivery(outcome, _target.App.AppId, _target.Component.Name, Definition.Topic);

    /// <summary>Republishes the original message unchanged to the dead-letter topic for the subscriber; see DeliveryHandler for the rules.</summary>
    private async Task<MessageOutcome> DeadLetterAsync(BrokerMessage message, bool bestEffort, CancellationToken cancellationToken)
    {
        if (Definition.DeadLetterTopic is not { } deadLetterTopic)
        {
            return MessageOutcome.Acknowledge;
        }

        var request = new PublishRequest(deadLetterTopic, message.Data, message.ContentType, message.Metadata);
        var error = await _publisher.PublishAsync(_target.Component, _target.Subscriber, request, cancellationToken);
        if (error is null)
        {
            _metrics.DeadLetters.Add(1, new("pubsub", _target.Component.Name), new("topic", deadLetterTopic));
            LogDeadLettered(_logger, message.Id, Definition.Topic, deadLetterTopic);
            return MessageOutcome.Acknowledge;
        }

        LogDeadLetterFailed(_logger, message.Id, deadLetterTopic, error.Message);
        return bestEffort ? MessageOutcome.Acknowledge : MessageOutcome.Redeliver;
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "{Count} of {Total} messages of topic '{Topic}' not delivered to app '{AppId}' at '{Path}' in one batch: {Detail}")]
    private static partial void LogNotAllDelivered(ILogger logger, int count, int total, string topic, string appId, string path, string detail);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Error, Message = "Message {MessageId} of topic '{Topic}' cannot be delivered to app '{AppId}' in a batch: {Reason}")]
    private static partial void LogUndeliverable(ILogger logger, string messageId, string topic, string appId, string reason);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Warning, Message = "Message {MessageId} of topic '{Topic}' for app '{AppId}' was left out of its batch and dropped: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string messageId, string topic, string appId, string reason);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Information, Message = "Message {MessageId} of topic '{Topic}' written to dead-letter topic '{DeadLetterTopic}'")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string topic, string deadLetterTopic);

    [LoggerMessage(EventId = 3505, Level = LogLevel.Error, Message = "Message {MessageId} could not be written to dead-letter topic '{DeadLetterTopic}': {Error}")]
    private static partial void LogDeadLetterFailed(ILogger logger, string messageId, string deadLetterTopic, string error);
}
