using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>Log events of the Kafka driver. Event ids 1201-1299 belong to this driver; never reuse one.</summary>
internal static partial class KafkaLog
{
    [LoggerMessage(EventId = EventIds.KafkaLog.SubscriptionStarted, EventName = "KafkaSubscriptionStarted", Level = LogLevel.Information,
        Message = "Component {Component}: consuming topic {Topic} as consumer group {ConsumerGroup}, up to {MaxConcurrency} partitions at once")]
    public static partial void SubscriptionStarted(ILogger logger, string component, string topic, string consumerGroup, int maxConcurrency);

    [LoggerMessage(EventId = EventIds.KafkaLog.SubscriptionStopped, EventName = "KafkaSubscriptionStopped", Level = LogLevel.Information,
        Message = "Component {Component}: stopped consuming topic {Topic} as consumer group {ConsumerGroup}")]
    public static partial void SubscriptionStopped(ILogger logger, string component, string topic, string consumerGroup);

    [LoggerMessage(EventId = EventIds.KafkaLog.HandlerFailed, EventName = "KafkaHandlerFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: handler failed for message {MessageId} of topic {Topic} (consumer group {ConsumerGroup}, delivery {DeliveryCount}); retrying it after {Delay}")]
    public static partial void HandlerFailed(ILogger logger, Exception? exception, string component, string messageId, string topic, string consumerGroup, int deliveryCount, TimeSpan delay);

    [LoggerMessage(EventId = EventIds.KafkaLog.PartitionsAssigned, EventName = "KafkaPartitionsAssigned", Level = LogLevel.Information,
        Message = "Component {Component}: consumer group {ConsumerGroup} gave this member {Partitions}")]
    public static partial void PartitionsAssigned(ILogger logger, string component, string consumerGroup, string partitions);

    [LoggerMessage(EventId = EventIds.KafkaLog.PartitionsRevoked, EventName = "KafkaPartitionsRevoked", Level = LogLevel.Information,
        Message = "Component {Component}: consumer group {ConsumerGroup} took {Partitions} from this member; committed up to {Committed}")]
    public static partial void PartitionsRevoked(ILogger logger, string component, string consumerGroup, string partitions, string committed);

    [LoggerMessage(EventId = EventIds.KafkaLog.CommitFailed, EventName = "KafkaCommitFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: committing offsets of consumer group {ConsumerGroup} failed ({Reason}); the messages after the last commit may be delivered again")]
    public static partial void CommitFailed(ILogger logger, string component, string consumerGroup, string reason);

    [LoggerMessage(EventId = EventIds.KafkaLog.ConsumeFailed, EventName = "KafkaConsumeFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: reading topic {Topic} as consumer group {ConsumerGroup} failed ({Reason}); trying again")]
    public static partial void ConsumeFailed(ILogger logger, string component, string topic, string consumerGroup, string reason);

    [LoggerMessage(EventId = EventIds.KafkaLog.PublishFailed, EventName = "KafkaPublishFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: publish to topic {Topic} failed ({Reason}); transient: {Transient}")]
    public static partial void PublishFailed(ILogger logger, string component, string topic, string reason, bool transient);

    [LoggerMessage(EventId = EventIds.KafkaLog.ClientError, EventName = "KafkaClientError", Level = LogLevel.Warning,
        Message = "Component {Component}: the {Client} reported {Reason}")]
    public static partial void ClientError(ILogger logger, string component, string client, string reason);

    [LoggerMessage(EventId = EventIds.KafkaLog.Librdkafka, EventName = "KafkaLibrdkafkaLog", Level = LogLevel.Debug,
        Message = "Component {Component}: librdkafka {Facility}: {Text}")]
    public static partial void Librdkafka(ILogger logger, string component, string facility, string text);

    [LoggerMessage(EventId = EventIds.KafkaLog.TopicNotAvailable, EventName = "KafkaTopicNotAvailable", Level = LogLevel.Warning,
        Message = "Component {Component}: topic '{Topic}' is not available yet ({Reason}); the subscription waits for it (create it, or let the brokers create topics automatically)")]
    public static partial void TopicNotAvailable(ILogger logger, string component, string topic, string reason);

    /// <summary>Partitions as <c>topic[0,2,5]</c> for logs.</summary>
    public static string Describe(IEnumerable<TopicPartition> partitions) =>
        string.Join(", ", partitions.GroupBy(p => p.Topic).Select(g => $"{g.Key}[{string.Join(",", g.Select(p => p.Partition.Value))}]"));
}
