using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Decides once, at the driver boundary, whether a Kafka failure may pass if retried later
/// (brokers down or busy, leadership moving, timeouts) or needs a change first (too large,
/// not authorised, bad topic, a fatal producer state).
/// </summary>
internal static class KafkaErrorClassifier
{
    private static readonly HashSet<ErrorCode> Transient =
    [
        ErrorCode.Local_MsgTimedOut,
        ErrorCode.Local_TimedOut,
        ErrorCode.Local_Transport,
        ErrorCode.Local_AllBrokersDown,
        ErrorCode.Local_QueueFull,
        ErrorCode.Local_Destroy,
        // librdkafka 2.x reports a query cut short by a broker connection that went away this way.
        ErrorCode.Local_DestroyBroker,
        ErrorCode.Local_UnknownTopic,
        ErrorCode.Local_WaitCoord,
        ErrorCode.Local_Retry,
        ErrorCode.RequestTimedOut,
        ErrorCode.NetworkException,
        ErrorCode.BrokerNotAvailable,
        ErrorCode.LeaderNotAvailable,
        ErrorCode.NotLeaderForPartition,
        ErrorCode.NotEnoughReplicas,
        ErrorCode.NotEnoughReplicasAfterAppend,
        ErrorCode.NotCoordinatorForGroup,
        ErrorCode.GroupLoadInProgress,
        ErrorCode.GroupCoordinatorNotAvailable,
        ErrorCode.UnknownTopicOrPart,
        ErrorCode.KafkaStorageError,
        ErrorCode.FencedLeaderEpoch,
        ErrorCode.UnknownLeaderEpoch,
        ErrorCode.OffsetNotAvailable,
        ErrorCode.ThrottlingQuotaExceeded,
    ];

    public static bool IsTransient(Error error) => !error.IsFatal && Transient.Contains(error.Code);

    /// <summary>The error as a sentence fragment for messages, with librdkafka's code name.</summary>
    public static string Describe(Error error) => $"{error.Reason} ({error.Code})";
}
