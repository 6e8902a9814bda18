using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.InMemory;

/// <summary>Log events of the in-memory driver. Event ids 1101-1199 belong to this driver; never reuse one.</summary>
internal static partial class InMemoryLog
{
    [LoggerMessage(EventId = EventIds.InMemoryLog.SubscriptionStarted, EventName = "InMemorySubscriptionStarted", Level = LogLevel.Information,
        Message = "Component {Component}: consuming topic {Topic} as consumer group {ConsumerGroup}, up to {MaxConcurrency} handlers at once")]
    public static partial void SubscriptionStarted(ILogger logger, string component, string topic, string consumerGroup, int maxConcurrency);

    [LoggerMessage(EventId = EventIds.InMemoryLog.SubscriptionStopped, EventName = "InMemorySubscriptionStopped", Level = LogLevel.Information,
        Message = "Component {Component}: stopped consuming topic {Topic} as consumer group {ConsumerGroup}; its unacknowledged messages stay with the group")]
    public static partial void SubscriptionStopped(ILogger logger, string component, string topic, string consumerGroup);

    [LoggerMessage(EventId = EventIds.InMemoryLog.HandlerFailed, EventName = "InMemoryHandlerFailed", Level = LogLevel.Warning,
        Message = "Component {Component}: handler failed for message {MessageId} of topic {Topic} (consumer group {ConsumerGroup}, delivery {DeliveryCount}); it stays unacknowledged")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string component, string messageId, string topic, string consumerGroup, int deliveryCount);

    [LoggerMessage(EventId = EventIds.InMemoryLog.MessageOfferedAgain, EventName = "InMemoryMessageOfferedAgain", Level = LogLevel.Debug,
        Message = "Component {Component}: message {MessageId} of topic {Topic} (consumer group {ConsumerGroup}) was not acknowledged; offering it again after {Delay}")]
    public static partial void MessageOfferedAgain(ILogger logger, string component, string messageId, string topic, string consumerGroup, TimeSpan delay);

    [LoggerMessage(EventId = EventIds.InMemoryLog.PublishRejectedFull, EventName = "InMemoryPublishRejectedFull", Level = LogLevel.Warning,
        Message = "Component {Component}: publish to topic {Topic} refused; {Bound} unacknowledged messages is the bound")]
    public static partial void PublishRejectedFull(ILogger logger, string component, string topic, int bound);

    [LoggerMessage(EventId = EventIds.InMemoryLog.PublishDiscarded, EventName = "InMemoryPublishDiscarded", Level = LogLevel.Debug,
        Message = "Component {Component}: topic {Topic} has no consumer group yet; the published message was discarded")]
    public static partial void PublishDiscarded(ILogger logger, string component, string topic);

    [LoggerMessage(EventId = EventIds.InMemoryLog.DriverStopped, EventName = "InMemoryDriverStopped", Level = LogLevel.Information,
        Message = "Component {Component}: in-memory broker stopped; {Pending} unacknowledged messages were dropped with it")]
    public static partial void DriverStopped(ILogger logger, string component, int pending);
}
