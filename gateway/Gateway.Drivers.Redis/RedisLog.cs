using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Redis;

/// <summary>Log events of the Redis driver. Event ids come from <see cref="EventIds.RedisLog"/> (15xx); never reuse one.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = EventIds.RedisLog.SubscriptionStarted, EventName = "RedisSubscriptionStarted", Level = LogLevel.Information,
        Message = "Component {Component}: consuming stream {Topic} as consumer {Consumer} of group {ConsumerGroup}, up to {MaxConcurrency} handlers at once")]
    public static partial void SubscriptionStarted(ILogger logger, string component, string topic, string consumer, string consumerGroup, int maxConcurrency);

    [LoggerMessage(EventId = EventIds.RedisLog.SubscriptionStopped, EventName = "RedisSubscriptionStopped", Level = LogLevel.Information,
        Message = "Component {Component}: stopped consuming stream {Topic} as group {ConsumerGroup}; unacknowledged entries stay pending for the group")]
    public static partial void SubscriptionStopped(ILogger logger, string component, string topic, string consumerGroup);

    [LoggerMessage(EventId = EventIds.RedisLog.HandlerFailed, EventName = "RedisHandlerFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: handler failed for entry {EntryId} of stream {Topic} (group {ConsumerGroup}, delivery {DeliveryCount}); it stays pending")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string component, string entryId, string topic, string consumerGroup, int deliveryCount);

    [LoggerMessage(EventId = EventIds.RedisLog.ReadFailed, EventName = "RedisReadFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: reading stream {Topic} as group {ConsumerGroup} failed; trying again in {Delay}: {Reason}")]
    public static partial void ReadFailed(ILogger logger, string component, string topic, string consumerGroup, TimeSpan delay, string reason);

    [LoggerMessage(EventId = EventIds.RedisLog.ReadLoopFailed, EventName = "RedisReadLoopFailed", Level = LogLevel.Error,
        Message = "Component {Component}: reading stream {Topic} as group {ConsumerGroup} failed unexpectedly; trying again in {Delay}")]
    public static partial void ReadLoopFailed(ILogger logger, Exception exception, string component, string topic, string consumerGroup, TimeSpan delay);

    [LoggerMessage(EventId = EventIds.RedisLog.GroupRecreated, EventName = "RedisGroupRecreated", Level = LogLevel.Warning,
        Message = "Component {Component}: consumer group {ConsumerGroup} of stream {Topic} had disappeared; created it again")]
    public static partial void GroupRecreated(ILogger logger, string component, string topic, string consumerGroup);

    [LoggerMessage(EventId = EventIds.RedisLog.AckFailed, EventName = "RedisAckFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: XACK of entry {EntryId} of stream {Topic} (group {ConsumerGroup}) failed; it will be delivered again: {Reason}")]
    public static partial void AckFailed(ILogger logger, string component, string entryId, string topic, string consumerGroup, string reason);

    [LoggerMessage(EventId = EventIds.RedisLog.EntriesClaimed, EventName = "RedisEntriesClaimed", Level = LogLevel.Debug,
        Message = "Component {Component}: claimed {Count} pending entries of stream {Topic} (group {ConsumerGroup}) for redelivery")]
    public static partial void EntriesClaimed(ILogger logger, string component, int count, string topic, string consumerGroup);

    [LoggerMessage(EventId = EventIds.RedisLog.ReclaimFailed, EventName = "RedisReclaimFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: looking for pending entries of stream {Topic} (group {ConsumerGroup}) failed: {Reason}")]
    public static partial void ReclaimFailed(ILogger logger, string component, string topic, string consumerGroup, string reason);

    [LoggerMessage(EventId = EventIds.RedisLog.ConnectionChanged, EventName = "RedisConnectionChanged", Level = LogLevel.Information,
        Message = "Component {Component}: connection to redis {Endpoint} {Change}")]
    public static partial void ConnectionChanged(ILogger logger, string component, string endpoint, string change);

    [LoggerMessage(EventId = EventIds.RedisLog.ConnectionAttemptFailed, EventName = "RedisConnectionAttemptFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: connection to redis {Endpoint} failed ({Reason}); reconnecting in the background")]
    public static partial void ConnectionAttemptFailed(ILogger logger, string component, string endpoint, string reason);

    [LoggerMessage(EventId = EventIds.RedisLog.BothTrimmingOptions, EventName = "RedisBothTrimmingOptions", Level = LogLevel.Warning,
        Message = "Component {Component}: both maxLenApprox and streamTTL are set; streams are trimmed by maxLenApprox only")]
    public static partial void BothTrimmingOptions(ILogger logger, string component);

    [LoggerMessage(EventId = EventIds.RedisLog.CredentialsRefused, EventName = "RedisCredentialsRefused", Level = LogLevel.Error,
        Message = "Component {Component}: {Reason}; publishes and subscriptions of this component fail until the server accepts the configured user and password")]
    public static partial void CredentialsRefused(ILogger logger, string component, string reason);

    [LoggerMessage(EventId = EventIds.RedisLog.WakeUpsRefused, EventName = "RedisWakeUpsRefused", Level = LogLevel.Warning,
        Message = "Component {Component}: the server refused CLIENT ID or CLIENT UNBLOCK ({Reason}); shared stream reads block for {PollingBlock} at a time instead of being woken, so a new subscription waits up to that long for its first read. Allow the gateway's user 'client|id' and 'client|unblock' to avoid it")]
    public static partial void WakeUpsRefused(ILogger logger, string component, string reason, TimeSpan pollingBlock);

    [LoggerMessage(EventId = EventIds.RedisLog.EntriesVanished, EventName = "RedisEntriesVanished", Level = LogLevel.Information,
        Message = "Component {Component}: {Count} pending entries of stream {Topic} (group {ConsumerGroup}) no longer exist (trimmed or deleted); Redis dropped them from the pending list")]
    public static partial void EntriesVanished(ILogger logger, string component, int count, string topic, string consumerGroup);
}
