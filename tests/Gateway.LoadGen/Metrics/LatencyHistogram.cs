using System.Diagnostics;
using System.Numerics;

namespace Gateway.LoadGen.Metrics;

/// <summary>
/// Latencies in microseconds in log-linear buckets, as HdrHistogram keeps them: exact below 128 µs,
/// then 64 buckets per power of two, so any reported value is within 1/64 (1.6 %) of the true one.
/// Recording is thread-safe and allocation-free; values up to about 2^40 µs (12 days) are kept.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private const int LinearLimit = 2 * SubBuckets;
    private const int MaxShift = 34;
    private readonly long[] _counts = new long[LinearLimit + (MaxShift * SubBuckets)];
    private long _count;
    private long _max;
    private long _sum;

    public long Count => Volatile.Read(ref _count);

    public long MaxMicroseconds => Volatile.Read(ref _max);

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp) => Record(ToMicroseconds(Stopwatch.GetTimestamp() - startTimestamp));

    public void Record(long microseconds)
    {
        var value = Math.Max(0, microseconds);
        Interlocked.Increment(ref _counts[Index(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        var max = Volatile.Read(ref _max);
        while (value > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>Adds every value of <paramref name="other"/> to this one (not thread-safe against recording).</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _count += other._count;
        _sum += other._sum;
        _max = Math.Max(_max, other._max);
    }

    /// <summary>The value at or below which <paramref name="percentile"/> percent of the recorded values lie (0 when empty).</summary>
    public long ValueAt(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(HighestEquivalent(i), MaxMicroseconds);
            }
        }

        return MaxMicroseconds;
    }

    public LatencySummary Summarize() => Count == 0
        ? LatencySummary.Empty
        : new LatencySummary(
            Count, Math.Round(Volatile.Read(ref _sum) / (double)Count / 1000.0, 3),
            Ms(ValueAt(50)), Ms(ValueAt(90)), Ms(ValueAt(99)), Ms(ValueAt(99.9)), Ms(MaxMicroseconds));

    public static long ToMicroseconds(long stopwatchTicks) => stopwatchTicks * 1_000_000 / Stopwatch.Frequency;

    internal static int Index(long value)
    {
        if (value < LinearLimit)
        {
            return (int)value;
        }

        var shift = Math.Min(63 - BitOperations.LeadingZeroCount((ulong)value) - 6, MaxShift);
        var sub = Math.Min(value >> shift, (2 * SubBuckets) - 1);
        return LinearLimit + ((shift - 1) * SubBuckets) + (int)(sub - SubBuckets);
    }

    /// <summary>The largest value that falls into bucket <paramref name="index"/>.</summary>
    internal static long HighestEquivalent(int index)
    {
        if (index < LinearLimit)
        {
            return index;
        }

        var shift = ((index - LinearLimit) / SubBuckets) + 1;
        var sub = ((index - LinearLimit) % SubBuckets) + SubBuckets;
        return ((sub + 1L) << shift) - 1;
    }

    private static double Ms(long microseconds) => microseconds / 1000.0;
}
