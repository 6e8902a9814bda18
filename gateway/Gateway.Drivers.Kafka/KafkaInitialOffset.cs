namespace Gateway.Drivers.Kafka;

/// <summary>Where a consumer group starts on a partition it has never committed (metadata <c>initialOffset</c>).</summary>
public enum KafkaInitialOffset
{
    /// <summary><c>newest</c> (the default): only records written from the moment the group first owns the partition.</summary>
    Newest,

    /// <summary><c>oldest</c>: every record the partition still holds.</summary>
    Oldest,
}
