namespace Gateway.LoadGen.Metrics;

/// <summary>
/// CPU time (user + system, <c>utime</c> + <c>stime</c> of <c>/proc/&lt;pid&gt;/stat</c>) of a server process, and the
/// arithmetic every table does with it.
/// </summary>
internal static class ServerCpu
{
    /// <summary>The time the process has used since it started.</summary>
    /// <returns>The time, or null when the process is gone.</returns>
    public static TimeSpan? Of(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>CPU used over a window divided by the requests answered in it, in microseconds; null without requests.</summary>
    public static double? PerRequestMicroseconds(TimeSpan used, long requests) =>
        requests > 0 ? used.TotalMicroseconds / requests : null;

    /// <summary>CPU used over a window as a share of one core busy for the whole window, in percent (200 = two cores busy); null for an empty window.</summary>
    public static double? PercentOfOneCore(TimeSpan used, TimeSpan window) =>
        window > TimeSpan.Zero ? 100.0 * used.Ticks / window.Ticks : null;

    /// <summary>
    /// What a row costs the server per request beyond the no-op endpoint under the same load: its CPU per request
    /// minus the no-op endpoint's; null when either is unknown (a row without a server process, a run without requests).
    /// </summary>
    public static double? AddedOverNoop(double? rowMicroseconds, double? noopMicroseconds) =>
        rowMicroseconds is { } row && noopMicroseconds is { } noop ? row - noop : null;
}
