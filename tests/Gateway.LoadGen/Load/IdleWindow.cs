using System.Diagnostics;
using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Load;

/// <summary>No load at all: the warm-up lets the server settle, then the window is only time passing (what the server costs when nobody publishes).</summary>
internal static class IdleWindow
{
    /// <summary>
    /// How long a gateway is left to settle before an idle window unless told otherwise. After its subscriptions were
    /// woken it still works for tens of seconds: the runtime recompiles (tier 1) code that runs once per subscription
    /// and tick as it becomes hot. 1,000 idle Redis subscriptions measured 1.4–2.1 % of a core over 30 s from 10 s
    /// after they were woken, 0.6–0.7 % over 60 s from 60 s after (docs/benchmarks.md, "Idle subscriptions").
    /// </summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(60);

    public static async Task<LoadOutcome> RunAsync(TimeSpan settle, TimeSpan duration, WindowHooks hooks, CancellationToken cancellationToken)
    {
        var windowStart = Stopwatch.GetTimestamp() + (long)(settle.TotalSeconds * Stopwatch.Frequency);
        hooks.Opening?.Invoke(windowStart);
        await Task.Delay(settle + duration, cancellationToken);
        hooks.Closed?.Invoke();
        return new LoadOutcome(0, 0, new ErrorCounts(), Stopwatch.GetElapsedTime(windowStart), new LatencyHistogram(), windowStart);
    }
}
