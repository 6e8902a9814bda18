using Gateway.Drivers;

namespace Gateway.Subscriptions;

/// <summary>Log events of the runtime subscription stores and their sync (3301-3319).</summary>
internal static partial class RuntimeSubscriptionLog
{
    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.Loaded, Level = LogLevel.Information, Message = "Loaded {Count} runtime subscription(s) from {Path} and the pubsub components' stores")]
    public static partial void Loaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.StoreUnreadable, Level = LogLevel.Error,
        Message = "Runtime subscriptions of pubsub '{Pubsub}' (namespace '{Namespace}') cannot be read from {Location}; the gateway keeps the ones it knew and tries again at every sync: {Reason}")]
    public static partial void StoreUnreadable(ILogger logger, string pubsub, string @namespace, string location, string reason);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.StoreRecovered, Level = LogLevel.Information, Message = "Runtime subscriptions of pubsub '{Pubsub}' (namespace '{Namespace}') are readable again from {Location}")]
    public static partial void StoreRecovered(ILogger logger, string pubsub, string @namespace, string location);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.RecordUnreadable, Level = LogLevel.Warning, Message = "Record {Key} in {Location} is not a runtime subscription this gateway can read, so it is skipped: {Reason}")]
    public static partial void RecordUnreadable(ILogger logger, string key, string location, string reason);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.AppChanged, Level = LogLevel.Information, Message = "Runtime subscriptions of app '{AppId}' (namespace '{Namespace}') changed in the store; it now has {Count}")]
    public static partial void AppChanged(ILogger logger, string appId, string @namespace, int count);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.Moved, Level = LogLevel.Information,
        Message = "Moved the runtime subscription of app '{AppId}' to topic '{Topic}' of pubsub '{Pubsub}' from {Path} to {Location}, where every replica sees it")]
    public static partial void Moved(ILogger logger, string appId, string pubsub, string topic, string path, string location);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.SyncFailed, Level = LogLevel.Error, Message = "Syncing runtime subscriptions failed; trying again at the next sync")]
    public static partial void SyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = EventIds.RuntimeSubscriptionLog.StoreStillUnreadable, Level = LogLevel.Debug, Message = "Runtime subscriptions of pubsub '{Pubsub}' (namespace '{Namespace}') still cannot be read from {Location}: {Reason}")]
    public static partial void StoreStillUnreadable(ILogger logger, string pubsub, string @namespace, string location, string reason);
}
