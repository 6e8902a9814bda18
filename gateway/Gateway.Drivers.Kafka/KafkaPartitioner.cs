using System.Collections.Concurrent;
using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Chooses the partition of a record without an explicit <c>partitionNumber</c>. A keyed record goes
/// where Sarama's hash partitioner (Dapr's) puts it: FNV-1a of the key, taken as a signed 32-bit
/// number, modulo the partition count, made non-negative; so a Dapr sidecar and the gateway keep one
/// key's records on one partition, in order. Records without a key take the partitions in turn, so
/// consecutive records spread evenly and can be handled in parallel (Sarama picks at random).
/// </summary>
internal static class KafkaPartitioner
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    private static readonly ConcurrentDictionary<string, Counter> NextKeyless = new(StringComparer.Ordinal);

    public static Partition Choose(string topic, int partitionCount, ReadOnlySpan<byte> key, bool keyIsNull)
    {
        if (partitionCount <= 0)
        {
            return Partition.Any;
        }

        if (keyIsNull)
        {
            var turn = Interlocked.Increment(ref NextKeyless.GetOrAdd(topic, _ => new Counter()).Value);
            return new Partition((int)((uint)turn % (uint)partitionCount));
        }

        return new Partition(HashPartition(key, partitionCount));
    }

    /// <summary>Sarama's <c>HashPartitioner</c> with its default FNV-1a hasher.</summary>
    public static int HashPartition(ReadOnlySpan<byte> key, int partitionCount)
    {
        var hash = FnvOffsetBasis;
        foreach (var octet in key)
        {
            hash = (hash ^ octet) * FnvPrime;
        }

        var partition = (int)hash % partitionCount;
        return partition < 0 ? -partition : partition;
    }

    private sealed class Counter
    {
        public int Value;
    }
}
