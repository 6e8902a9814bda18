using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>What every <see cref="PartitionWorker"/> of one subscription shares.</summary>
/// <param name="Handler">The subscription's handler.</param>
/// <param name="Slots">Handler slots: at most MaxConcurrency records are handled at once over all partitions.</param>
/// <param name="Committer">The subscription's watermarks.</param>
/// <param name="Backoff">Delay before a record that was not acknowledged is handled again.</param>
internal sealed record PartitionContext(
    MessageHandler Handler,
    SemaphoreSlim Slots,
    OffsetCommitter Committer,
    KafkaRetryBackoff Backoff,
    TimeProvider TimeProvider,
    ILogger Logger,
    string ComponentName,
    string ConsumerGroup,
    KafkaHeaderPolicy Headers);
