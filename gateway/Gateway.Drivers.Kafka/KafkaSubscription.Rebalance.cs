using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>Rebalance callbacks: they run on the consume loop's thread, inside <c>Consume</c> or <c>Close</c>.</summary>
internal sealed partial class KafkaSubscription
{
    /// <summary>How long handlers of partitions taken away may finish before they are cancelled.</summary>
    private static readonly TimeSpan RevokeGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OffsetLookupTimeout = TimeSpan.FromSeconds(10);

    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        var starts = ResolveStarts(consumer, partitions);
        foreach (var start in starts)
        {
            _partitionContext.Committer.Start(start.TopicPartition, start.Offset.Value);
            var worker = new PartitionWorker(start.TopicPartition, _partitionContext);
            _workers[start.TopicPartition] = worker;
            worker.Start();
        }

        KafkaLog.PartitionsAssigned(_logger, _componentName, ConsumerGroup, partitions.Count == 0 ? "no partitions" : KafkaLog.Describe(partitions));
        _joined.TrySetResult();
        return starts;
    }

    /// <summary>
    /// The group's committed offset of each partition; where there is none, the partition's current
    /// end (initialOffset newest) or start (oldest), committed at once. Fixing the position here,
    /// rather than letting the consumer look it up lazily, is what makes a record written after
    /// <c>SubscribeAsync</c> returns reach the group, and keeps a later member from skipping records
    /// that an earlier one never got to.
    /// </summary>
    private List<TopicPartitionOffset> ResolveStarts(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        try
        {
            var starts = new List<TopicPartitionOffset>();
            var fresh = new List<TopicPartitionOffset>();
            foreach (var committed in consumer.Committed(partitions, OffsetLookupTimeout))
            {
                if (committed.Offset.Value >= 0)
                {
                    starts.Add(committed);
                    continue;
                }

                var marks = consumer.QueryWatermarkOffsets(committed.TopicPartition, OffsetLookupTimeout);
                var start = new TopicPartitionOffset(committed.TopicPartition, _options.InitialOffset == KafkaInitialOffset.Oldest ? marks.Low : marks.High);
                starts.Add(start);
                fresh.Add(start);
            }

            if (fresh.Count > 0)
            {
                consumer.Commit(fresh);
            }

            return starts;
        }
        catch (KafkaException exception)
        {
            // Left to the consumer's own lookup (auto.offset.reset); only the race above is lost.
            KafkaLog.CommitFailed(_logger, _componentName, ConsumerGroup, KafkaErrorClassifier.Describe(exception.Error));
            return [.. partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset))];
        }
    }

    private void OnRevoked(List<TopicPartition> partitions, bool commit)
    {
        var owned = partitions.Where(_workers.ContainsKey).ToList();
        if (owned.Count == 0)
        {
            return;
        }

        StopWorkers(owned, commit && !_stopping.IsCancellationRequested ? RevokeGrace : TimeSpan.Zero);
        var offsets = commit ? _partitionContext.Committer.Committable(owned) : [];
        Commit(offsets);
        _partitionContext.Committer.Remove(owned);
        KafkaLog.PartitionsRevoked(_logger, _componentName, ConsumerGroup, KafkaLog.Describe(owned), offsets.Count == 0 ? "nothing new" : string.Join(", ", offsets.Select(o => $"{o.Partition.Value}@{o.Offset.Value}")));
    }

    /// <summary>Stops the workers of <paramref name="partitions"/> and forgets them; blocks the loop's thread meanwhile.</summary>
    private void StopWorkers(List<TopicPartition> partitions, TimeSpan grace)
    {
        var stopping = new List<Task>();
        foreach (var partition in partitions)
        {
            if (_workers.Remove(partition, out var worker))
            {
                stopping.Add(worker.StopAsync(grace, _stopping.Token));
            }
        }

        Task.WhenAll(stopping).GetAwaiter().GetResult();
    }
}
