using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Consumer lag of this member: for each partition assigned to it, the high watermark the consumer last
/// fetched minus the offset the group has committed. Measured on the consume loop's thread (the only one
/// that touches the consumer), from librdkafka's cached watermarks, so it costs no request to the brokers.
/// </summary>
internal sealed partial class KafkaSubscription
{
    private static readonly TimeSpan LagInterval = TimeSpan.FromSeconds(1);
    private long _lastLagMeasure;
    private long _lag = -1;

    /// <summary>Records of the assigned partitions not committed yet; null until known (no partition, no fetch yet).</summary>
    public long? Lag => Volatile.Read(ref _lag) is var lag and >= 0 ? lag : null;

    private void MeasureLagIfDue()
    {
        var now = Environment.TickCount64;
        if (now - _lastLagMeasure < LagInterval.TotalMilliseconds)
        {
            return;
        }

        _lastLagMeasure = now;
        var committed = _partitionContext.Committer.CommittedOffsets();
        long total = 0;
        var known = false;
        foreach (var partition in _workers.Keys)
        {
            var marks = _consumer.GetWatermarkOffsets(partition);
            if (marks.High.IsSpecial || !committed.TryGetValue(partition, out var offset))
            {
                continue;
            }

            known = true;
            total += Math.Max(0, marks.High.Value - offset);
        }

        Volatile.Write(ref _lag, known ? total : -1);
    }
}
