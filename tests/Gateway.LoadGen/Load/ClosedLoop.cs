using System.Diagnostics;
using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Load;

/// <summary>
/// Closed loop: each worker sends its next message as soon as the previous one was answered, so the
/// number of messages in flight equals the number of workers. A warm-up runs first and is not counted.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="hooks">Told when the measured window opens (before anything is sent) and when its last send was answered.</param>
    public static async Task<LoadOutcome> RunAsync(ILoadTarget target, int workers, TimeSpan warmup, TimeSpan duration, WindowHooks hooks, CancellationToken cancellationToken)
    {
        var senders = new List<IMessageSender>();
        for (var i = 0; i < workers; i++)
        {
            senders.Add(await target.CreateSenderAsync(cancellationToken));
        }

        var errors = new ErrorCounts();
        var latency = new LatencyHistogram();
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        hooks.Opening?.Invoke(windowStart);
        long sends = 0;
        long succeeded = 0;
        long lastAnswer = windowStart;
        try
        {
            await Task.WhenAll(senders.Select(sender => Task.Run(
                async () =>
                {
                    long mySends = 0, mySucceeded = 0, myLast = windowStart;
                    while (true)
                    {
                        var sentAt = Stopwatch.GetTimestamp();
                        if (sentAt >= windowEnd)
                        {
                            break;
                        }

                        var error = await sender.SendAsync(sentAt, cancellationToken);
                        if (sentAt < windowStart)
                        {
                            continue;
                        }

                        mySends++;
                        if (error is null)
                        {
                            latency.RecordSince(sentAt);
                            mySucceeded++;
                            myLast = Stopwatch.GetTimestamp();
                        }
                        else
                        {
                            errors.Add(error);
                        }
                    }

                    Interlocked.Add(ref sends, mySends);
                    Interlocked.Add(ref succeeded, mySucceeded);
                    InterlockedMax(ref lastAnswer, myLast);
                },
                cancellationToken)));
            hooks.Closed?.Invoke();
        }
        finally
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }

        return new LoadOutcome(sends, succeeded, errors, Stopwatch.GetElapsedTime(windowStart, Math.Max(lastAnswer, windowEnd)), latency, windowStart);
    }

    internal static void InterlockedMax(ref long location, long value)
    {
        var current = Volatile.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
