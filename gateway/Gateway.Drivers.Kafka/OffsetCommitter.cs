using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Per-partition watermark of what may be committed: the lowest offset still in flight (read but
/// not yet acknowledged), or one past the highest offset read when nothing is in flight. Messages
/// may finish out of order, yet a commit never passes a message that has not finished, so a crash
/// redelivers it. Thread-safe: the consume loop tracks, handlers complete.
/// </summary>
internal sealed class OffsetCommitter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TopicPartition, PartitionWatermark> _partitions = [];

    /// <summary>
    /// Begins watching a partition whose next record is <paramref name="startOffset"/> and whose
    /// group position is already there (committed, or about to be). A negative start means unknown:
    /// nothing is committable until the first record is tracked.
    /// </summary>
    public void Start(TopicPartition partition, long startOffset)
    {
        lock (_gate)
        {
            _partitions[partition] = new PartitionWatermark(startOffset);
        }
    }

    /// <summary>Records that <paramref name="offset"/> was read and is now in flight.</summary>
    public void Track(TopicPartition partition, long offset)
    {
        lock (_gate)
        {
            if (_partitions.TryGetValue(partition, out var watermark))
            {
                watermark.InFlight.Add(offset);
                watermark.Next = Math.Max(watermark.Next, offset + 1);
            }
        }
    }

    /// <summary>Records that <paramref name="offset"/> reached a final outcome.</summary>
    public void Complete(TopicPartition partition, long offset)
    {
        lock (_gate)
        {
            if (_partitions.TryGetValue(partition, out var watermark))
            {
                watermark.InFlight.Remove(offset);
            }
        }
    }

    /// <summary>The offsets to commit now: one per partition whose watermark passed its last commit.</summary>
    public IReadOnlyList<TopicPartitionOffset> Committable(IEnumerable<TopicPartition>? only = null)
    {
        lock (_gate)
        {
            var result = new List<TopicPartitionOffset>();
            foreach (var (partition, watermark) in _partitions)
            {
                if (only is not null && !only.Contains(partition))
                {
                    continue;
                }

                var mark = watermark.InFlight.Count > 0 ? watermark.InFlight.Min : watermark.Next;
                if (mark >= 0 && mark > watermark.Committed)
                {
                    result.Add(new TopicPartitionOffset(partition, new Offset(mark)));
                }
            }

            return result;
        }
    }

    /// <summary>Records a successful commit, so the same offsets are not committed again.</summary>
    public void Committed(IEnumerable<TopicPartitionOffset> offsets)
    {
        lock (_gate)
        {
            foreach (var offset in offsets)
            {
                if (_partitions.TryGetValue(offset.TopicPartition, out var watermark))
                {
                    watermark.Committed = Math.Max(watermark.Committed, offset.Offset.Value);
                }
            }
        }
    }

    /// <summary>The offset committed (or started from) per watched partition: the next record the group would read.</summary>
    public Dictionary<TopicPartition, long> CommittedOffsets()
    {
        lock (_gate)
        {
            return _partitions.ToDictionary(pair => pair.Key, pair => pair.Value.Committed);
        }
    }

    /// <summary>Stops watching partitions the group took away.</summary>
    public void Remove(IEnumerable<TopicPartition> partitions)
    {
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                _partitions.Remove(partition);
            }
        }
    }

    private sealed class PartitionWatermark(long start)
    {
        public SortedSet<long> InFlight { get; } = [];

        public long Next { get; set; } = start;

        public long Committed { get; set; } = start;
    }
}
