using System.Diagnostics;
using Gateway.LoadGen.Load;
using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Subscribers;

/// <summary>
/// Publish-to-delivery latency: for each delivery, now minus the stamp the generator wrote into the
/// payload (the generator and the subscriber share this process's clock). Only messages stamped at or
/// after <see cref="Arm"/>'s timestamp count, so stragglers of a warm-up or an earlier run do not.
/// </summary>
internal sealed class DeliveryRecorder
{
    private LatencyHistogram _latency = new();
    private long _since = long.MaxValue;
    private long _ignored;

    public long Delivered => Volatile.Read(ref _latency).Count;

    /// <summary>Deliveries without a readable stamp, or stamped before the armed window.</summary>
    public long Ignored => Volatile.Read(ref _ignored);

    /// <summary>Starts a new window: from now on only messages stamped at or after <paramref name="sinceStamp"/> count.</summary>
    public void Arm(long sinceStamp)
    {
        Volatile.Write(ref _latency, new LatencyHistogram());
        Volatile.Write(ref _since, sinceStamp);
        Volatile.Write(ref _ignored, 0);
    }

    public void Record(ReadOnlySpan<byte> body)
    {
        var now = Stopwatch.GetTimestamp();
        if (Payload.Read(body) is { } stamp && stamp >= Volatile.Read(ref _since) && stamp <= now)
        {
            Volatile.Read(ref _latency).Record(LatencyHistogram.ToMicroseconds(now - stamp));
        }
        else
        {
            Interlocked.Increment(ref _ignored);
        }
    }

    public LatencySummary Summarize() => Volatile.Read(ref _latency).Summarize();

    /// <summary>
    /// Waits until <paramref name="expected"/> deliveries have counted, until none has arrived for
    /// <paramref name="quietFor"/>, or at most <paramref name="atMost"/>; returns how many counted.
    /// </summary>
    public async Task<long> WaitForAsync(long expected, TimeSpan quietFor, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var last = Delivered;
        var lastChange = Stopwatch.GetTimestamp();
        var started = lastChange;
        while (Delivered < expected && Stopwatch.GetElapsedTime(started) < atMost)
        {
            await Task.Delay(20, cancellationToken);
            var now = Delivered;
            if (now != last)
            {
                (last, lastChange) = (now, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(lastChange) > quietFor)
            {
                break;
            }
        }

        return Delivered;
    }
}
