namespace Gateway.Drivers;

/// <summary>
/// Every log event id of the gateway and its drivers, in one table: each id names exactly one event, so
/// alerts and log queries can rely on it (docs/operations.md lists the ones worth alerting on). A test
/// checks that every logger uses this table and that no id is used twice. Ranges: 1000s publishing,
/// brokers, resources and settings; 2000s identity and credentials; 3000s delivery and subscriptions;
/// 6000s telemetry.
/// </summary>
public static class EventIds
{
    /// <summary>Events of <c>ScopeGuard</c> (Gateway/Pubsub/ScopeGuard.cs).</summary>
    public static class ScopeGuard
    {
        public const int Denied = 1001;
    }

    /// <summary>Events of <c>PublishService</c> (Gateway/Publishing/PublishService.cs).</summary>
    public static class PublishService
    {
        public const int PublishFailed = 1002;
        public const int BulkPublishFailed = 1003;
        public const int StillFailing = 1005;
        public const int Recovered = 1006;
    }

    /// <summary>Events of <c>RequestBodyReader</c> (Gateway/Publishing/RequestBodyReader.cs).</summary>
    public static class RequestBodyReader
    {
        public const int ClientFault = 1004;
    }

    /// <summary>Events of <c>InMemoryLog</c> (Gateway.Drivers.InMemory/InMemoryLog.cs).</summary>
    public static class InMemoryLog
    {
        public const int SubscriptionStarted = 1101;
        public const int SubscriptionStopped = 1102;
        public const int HandlerFailed = 1103;
        public const int MessageOfferedAgain = 1104;
        public const int PublishRejectedFull = 1105;
        public const int PublishDiscarded = 1106;
        public const int DriverStopped = 1107;
    }

    /// <summary>Events of <c>ResourceWatcher</c> (Gateway/Hosting/ResourceWatcher.cs).</summary>
    public static class ResourceWatcher
    {
        public const int Changed = 1201;
        public const int Invalid = 1202;
        public const int Kept = 1203;
        public const int Warning = 1204;
        public const int ReloadFailed = 1208;
    }

    /// <summary>Events of <c>ResourceReloader</c> (Gateway/Hosting/ResourceReloader.cs).</summary>
    public static class ResourceReloader
    {
        public const int Applied = 1205;
        public const int AppChangeRefused = 1206;
        public const int ResiliencyRefused = 1207;
    }

    /// <summary>Events of <c>LiveGatewayOptions</c> (Gateway/Hosting/LiveGatewayOptions.cs).</summary>
    public static class LiveGatewayOptions
    {
        public const int Applied = 1211;
        public const int RestartNeeded = 1212;
        public const int Kept = 1213;
    }

    /// <summary>Events of <c>StartupLog</c> (Gateway/Hosting/StartupLog.cs).</summary>
    public static class StartupLog
    {
        public const int Listening = 1301;
        public const int Metrics = 1302;
    }

    /// <summary>Events of <c>KafkaLog</c> (Gateway.Drivers.Kafka/KafkaLog.cs).</summary>
    public static class KafkaLog
    {
        public const int SubscriptionStarted = 1401;
        public const int SubscriptionStopped = 1402;
        public const int HandlerFailed = 1403;
        public const int PartitionsAssigned = 1404;
        public const int PartitionsRevoked = 1405;
        public const int CommitFailed = 1406;
        public const int ConsumeFailed = 1407;
        public const int PublishFailed = 1408;
        public const int ClientError = 1409;
        public const int Librdkafka = 1410;
        public const int TopicNotAvailable = 1411;
    }

    /// <summary>Events of <c>KafkaRecordStoreLog</c> (Gateway.Drivers.Kafka/KafkaRecordStoreLog.cs).</summary>
    public static class KafkaRecordStoreLog
    {
        public const int TopicCreated = 1451;
        public const int TopicNotCreated = 1452;
        public const int ReadFailed = 1453;
    }

    /// <summary>Events of <c>RedisLog</c> (Gateway.Drivers.Redis/RedisLog.cs).</summary>
    public static class RedisLog
    {
        public const int SubscriptionStarted = 1501;
        public const int SubscriptionStopped = 1502;
        public const int HandlerFailed = 1503;
        public const int ReadFailed = 1504;
        public const int GroupRecreated = 1505;
        public const int AckFailed = 1506;
        public const int EntriesClaimed = 1507;
        public const int EntriesVanished = 1508;
        public const int ReclaimFailed = 1509;
        public const int ConnectionChanged = 1510;
        public const int ConnectionAttemptFailed = 1511;
        public const int BothTrimmingOptions = 1512;
        public const int CredentialsRefused = 1513;
        public const int WakeUpsRefused = 1514;
        public const int ReadLoopFailed = 1515;
    }

    /// <summary>Events of <c>CallerAuthenticator</c> (Gateway/Authentication/CallerAuthenticator.cs).</summary>
    public static class CallerAuthenticator
    {
        public const int Refused = 2001;
        public const int StillRefused = 2004;
    }

    /// <summary>Events of <c>PlainHttpHint</c> (Gateway/Authentication/PlainHttpHint.cs).</summary>
    public static class PlainHttpHint
    {
        public const int First = 2002;
        public const int Again = 2003;
    }

    /// <summary>Events of <c>CredentialWatcher</c> (Gateway/Credentials/CredentialWatcher.cs).</summary>
    public static class CredentialWatcher
    {
        public const int Reloaded = 2101;
        public const int ReloadFailed = 2102;
        public const int BundleNotice = 2104;
    }

    /// <summary>Events of <c>SvidExpiryWarning</c> (Gateway/Credentials/SvidExpiryWarning.cs).</summary>
    public static class SvidExpiryWarning
    {
        public const int Expiring = 2103;
    }

    /// <summary>Events of <c>InsecureAppWarnings</c> (Gateway/Hosting/InsecureAppWarnings.cs).</summary>
    public static class InsecureAppWarnings
    {
        public const int Insecure = 2201;
    }

    /// <summary>Events of <c>WorkloadApiLog</c> (Gateway/Credentials/WorkloadApi/WorkloadApiLog.cs).</summary>
    public static class WorkloadApiLog
    {
        public const int Using = 2401;
        public const int Discarded = 2402;
        public const int Unavailable = 2403;
        public const int Reconnected = 2404;
        public const int Notice = 2405;
        public const int Federated = 2406;
        public const int Redacted = 2407;
        public const int Waiting = 2408;
        public const int StillUnavailable = 2409;
    }

    /// <summary>Events of <c>DeliverySettlement</c> (Gateway/Delivery/DeliverySettlement.cs).</summary>
    public static class DeliverySettlement
    {
        public const int Expired = 3001;
        public const int NoRoute = 3002;
        public const int Dropped = 3003;
        public const int NotDelivered = 3004;
        public const int Undeliverable = 3005;
        public const int DeadLettered = 3006;
        public const int DeadLetterFailed = 3007;
        public const int StillNotDelivered = 3008;
        public const int BatchNotDelivered = 3501;
        public const int Recovered = 3009;
    }

    /// <summary>Events of <c>SubscriptionManager</c> (Gateway/Subscriptions/SubscriptionManager.cs).</summary>
    public static class SubscriptionManager
    {
        public const int Started = 3101;
        public const int NotStarted = 3102;
        public const int StopAbandoned = 3103;
        public const int Stopped = 3104;
        public const int GroupRefused = 3105;
    }

    /// <summary>Events of <c>SubscriptionDiscovery</c> (Gateway/Subscriptions/SubscriptionDiscovery.cs).</summary>
    public static class SubscriptionDiscovery
    {
        public const int Discovered = 3201;
        public const int Unreachable = 3202;
        public const int Failed = 3203;
        public const int Warning = 3204;
        public const int None = 3205;
    }

    /// <summary>Events of <c>RuntimeSubscriptionLog</c> (Gateway/Subscriptions/RuntimeSubscriptionLog.cs).</summary>
    public static class RuntimeSubscriptionLog
    {
        public const int Loaded = 3301;
        public const int StoreUnreadable = 3302;
        public const int StoreRecovered = 3303;
        public const int RecordUnreadable = 3304;
        public const int AppChanged = 3305;
        public const int Moved = 3306;
        public const int SyncFailed = 3307;
        public const int StoreStillUnreadable = 3308;
    }

    /// <summary>Events of <c>StreamingSubscriptions</c> (Gateway/Subscriptions/Streaming/StreamingSubscriptions.cs).</summary>
    public static class StreamingSubscriptions
    {
        public const int Opened = 3401;
        public const int Closed = 3402;
        public const int Refused = 3403;
    }

    /// <summary>Events of <c>ConsumerLagSampler</c> (Gateway/Subscriptions/ConsumerLagSampler.cs).</summary>
    public static class ConsumerLagSampler
    {
        public const int LagFailed = 6001;
    }
}
