namespace Gateway.LoadGen.Metrics;

/// <summary>A server process's CPU (user + system) over exactly one measured window, as the JSON document and the tables show it.</summary>
/// <param name="Seconds">CPU time the process used in the window.</param>
/// <param name="WindowSeconds">Wall-clock length of the window: from its opening (after the warm-up) to its last answer.</param>
/// <param name="MicrosecondsPerRequest"><paramref name="Seconds"/> over the requests answered in the window; null without requests (idle).</param>
/// <param name="PercentOfOneCore"><paramref name="Seconds"/> over <paramref name="WindowSeconds"/>, in percent of one core (200 = two cores busy).</param>
internal sealed record ServerCpuUse(double Seconds, double WindowSeconds, double? MicrosecondsPerRequest, double? PercentOfOneCore)
{
    /// <summary>
    /// <see cref="MicrosecondsPerRequest"/> minus the no-op endpoint's under the same load in the same scenario; null for the
    /// no-op row itself and where there is no no-op row to compare with.
    /// </summary>
    public double? AddedOverNoopMicroseconds { get; init; }

    public static ServerCpuUse Of(TimeSpan used, TimeSpan window, long requests) => new(
        Math.Round(used.TotalSeconds, 3), Math.Round(window.TotalSeconds, 3), Round(ServerCpu.PerRequestMicroseconds(used, requests)), Round(ServerCpu.PercentOfOneCore(used, window)));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;
}
