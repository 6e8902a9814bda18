using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>Log events of the Kafka record store (1251-1259, within the Kafka driver's range).</summary>
internal static partial class KafkaRecordStoreLog
{
    [LoggerMessage(EventId = EventIds.KafkaRecordStoreLog.TopicCreated, EventName = "KafkaRecordTopicCreated", Level = LogLevel.Information,
        Message = "Component {Component}: created the compacted record store topic {Topic}")]
    public static partial void TopicCreated(ILogger logger, string component, string topic);

    [LoggerMessage(EventId = EventIds.KafkaRecordStoreLog.TopicNotCreated, EventName = "KafkaRecordTopicNotCreated", Level = LogLevel.Warning,
        Message = "Component {Component}: could not create the record store topic {Topic} ({Reason}); the brokers' auto-creation makes it on first use, without compaction. Create it yourself with cleanup.policy=compact")]
    public static partial void TopicNotCreated(ILogger logger, string component, string topic, string reason);

    [LoggerMessage(EventId = EventIds.KafkaRecordStoreLog.ReadFailed, EventName = "KafkaRecordReadFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: reading the record store topic {Topic} failed ({Reason}); trying again")]
    public static partial void ReadFailed(ILogger logger, string component, string topic, string reason);
}
