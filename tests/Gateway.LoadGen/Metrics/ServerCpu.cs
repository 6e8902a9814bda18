namespace Gateway.LoadGen.Metrics;

/// <summary>CPU time (user + system) a server process has used since it started.</summary>
internal static class ServerCpu
{
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
}
