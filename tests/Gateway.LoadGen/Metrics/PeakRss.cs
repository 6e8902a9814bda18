using System.Globalization;

namespace Gateway.LoadGen.Metrics;

/// <summary>A process's peak resident set size since it started: <c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal static class PeakRss
{
    /// <returns>Megabytes (MiB), or null where /proc is not available or the process is gone.</returns>
    public static double? Megabytes(int processId) => Read(processId, "VmHWM:");

    /// <summary>The current resident set size (<c>VmRSS</c>), in MiB.</summary>
    public static double? CurrentMegabytes(int processId) => Read(processId, "VmRSS:");

    private static double? Read(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return Math.Round(kilobytes / 1024.0, 1);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
