using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Load;

/// <summary>What one measured window produced.</summary>
/// <param name="Sends">Sends started in the window (requests, or bulk requests).</param>
/// <param name="Succeeded">Sends the target accepted.</param>
/// <param name="Errors">Failed sends by kind; in fixed-rate mode also sends that never left because the run ended.</param>
/// <param name="Elapsed">From the start of the window to the last accepted send's answer.</param>
/// <param name="Latency">Per accepted send: from its due time (fixed rate) or its start (closed loop) to the answer.</param>
/// <param name="FirstStamp">The timestamp at which the window opened; deliveries of messages stamped before it belong to the warm-up.</param>
internal sealed record LoadOutcome(long Sends, long Succeeded, ErrorCounts Errors, TimeSpan Elapsed, LatencyHistogram Latency, long FirstStamp)
{
    /// <summary>Fixed rate only: how late the pacer released messages against their due times (the generator's own error).</summary>
    public LatencySummary? PacerLag { get; init; }

    public double PerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;
}
