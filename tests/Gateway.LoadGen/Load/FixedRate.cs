using System.Diagnostics;
using System.Threading.Channels;
using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Load;

/// <summary>
/// Open loop at a fixed rate: message <c>i</c> is due at <c>start + i / rate</c> whether or not earlier
/// ones were answered, and goes out on the first free worker. Latency is measured from the due time,
/// not from the send, so a stalled target is charged for the messages queued behind it (corrected for
/// coordinated omission). A pacer thread sleeps until each message is due and releases it. Messages still queued when the run ends plus <see cref="DrainTimeout"/> count as errors.
/// </summary>
internal static class FixedRate
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <param name="hooks">Told when the measured window opens (before anything is sent) and when its last send was answered or given up.</param>
    public static async Task<LoadOutcome> RunAsync(ILoadTarget target, int workers, double rate, TimeSpan warmup, TimeSpan duration, WindowHooks hooks, CancellationToken cancellationToken)
    {
        var senders = new List<IMessageSender>();
        for (var i = 0; i < workers; i++)
        {
            senders.Add(await target.CreateSenderAsync(cancellationToken));
        }

        var due = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
        var errors = new ErrorCounts();
        var lag = new LatencyHistogram();
        var latency = new LatencyHistogram();
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        var warmupCount = (long)(warmup.TotalSeconds * rate);
        var total = warmupCount + (long)(duration.TotalSeconds * rate);
        var windowStart = Due(start, warmupCount, rate);
        long sends = 0, succeeded = 0, lastAnswer = windowStart;
        hooks.Opening?.Invoke(windowStart);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var workerTasks = senders.Select(sender => Task.Run(
            async () =>
            {
                long mySends = 0, mySucceeded = 0, myLast = windowStart;
                try
                {
                    await foreach (var dueAt in due.Reader.ReadAllAsync(drain.Token))
                    {
                        var error = await sender.SendAsync(dueAt, drain.Token);
                        if (dueAt < windowStart)
                        {
                            continue;
                        }

                        mySends++;
                        if (error is null)
                        {
                            latency.RecordSince(dueAt);
                            mySucceeded++;
                            myLast = Stopwatch.GetTimestamp();
                        }
                        else
                        {
                            errors.Add(error);
                        }
                    }
                }
                catch (OperationCanceledException) when (drain.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The drain deadline passed; what is still queued is counted below.
                }

                Interlocked.Add(ref sends, mySends);
                Interlocked.Add(ref succeeded, mySucceeded);
                ClosedLoop.InterlockedMax(ref lastAnswer, myLast);
            },
            cancellationToken)).ToList();

        var pacer = new Thread(() => Pace(due.Writer, start, total, rate, lag, cancellationToken)) { IsBackground = true, Name = "fixed-rate pacer" };
        pacer.Start();
        await Task.Run(pacer.Join, CancellationToken.None);
        drain.CancelAfter(DrainTimeout);
        await Task.WhenAll(workerTasks);
        hooks.Closed?.Invoke();
        var unsent = 0L;
        while (due.Reader.TryRead(out var left))
        {
            if (left >= windowStart)
            {
                unsent++;
            }
        }

        if (unsent > 0)
        {
            errors.Add("not sent before the drain timeout", unsent);
        }

        foreach (var sender in senders)
        {
            await sender.DisposeAsync();
        }

        return new LoadOutcome(sends + unsent, succeeded, errors, Stopwatch.GetElapsedTime(windowStart, lastAnswer), latency, windowStart) { PacerLag = lag.Summarize() };
    }

    /// <summary>
    /// Releases each message when it comes due, on a thread of its own that sleeps until the next
    /// due time with <see cref="PreciseSleep"/> (a timer-queue delay wakes a millisecond or more late). How late each release was
    /// is kept in <paramref name="lag"/>: it is the generator's own timing error, included in the latencies.
    /// </summary>
    private static void Pace(ChannelWriter<long> writer, long start, long total, double rate, LatencyHistogram lag, CancellationToken cancellationToken)
    {
        try
        {
            for (long next = 0; next < total && !cancellationToken.IsCancellationRequested;)
            {
                var now = Stopwatch.GetTimestamp();
                while (next < total && Due(start, next, rate) <= now)
                {
                    var dueAt = Due(start, next, rate);
                    writer.TryWrite(dueAt);
                    lag.Record(LatencyHistogram.ToMicroseconds(now - dueAt));
                    next++;
                }

                if (next < total)
                {
                    PreciseSleep.For(Due(start, next, rate) - Stopwatch.GetTimestamp());
                }
            }
        }
        finally
        {
            writer.Complete();
        }
    }

    private static long Due(long start, long index, double rate) => start + (long)(index * Stopwatch.Frequency / rate);
}
