namespace Gateway.Telemetry;

/// <summary>The running distribution of one histogram series. Not thread-safe: its family locks around it.</summary>
internal sealed class HistogramAccumulator(IReadOnlyList<double> upperBounds)
{
    private readonly long[] _bucketCounts = new long[upperBounds.Count + 1];
    private double _sum;
    private long _count;

    public void Record(double value)
    {
        // Prometheus buckets are "less than or equal": a value on a bound belongs to that bound's bucket.
        var bucket = 0;
        while (bucket < upperBounds.Count && value > upperBounds[bucket])
        {
            bucket++;
        }

        _bucketCounts[bucket]++;
        _sum += value;
        _count++;
    }

    public HistogramSnapshot Snapshot() => new(upperBounds, _bucketCounts.ToArray(), _sum, _count);
}
