using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Tests.Report;

/// <summary>Rows of a scenario as the rig builds them, with only what the CPU columns read set to something telling.</summary>
internal static class RunRows
{
    public static RunResult Noop(double? cpuPerRequest, double? rate = null) => Row("noop", null, cpuPerRequest, rate);

    public static RunResult Gateway(double? cpuPerRequest, double? rate = null) => Row("gateway", "inmemory", cpuPerRequest, rate);

    /// <summary>A direct baseline: no server process, so no CPU.</summary>
    public static RunResult Direct() => Row("redis-direct", "redis", cpuPerRequest: null, rate: null) with { ServerCpu = null, ServerPeakRssMb = null };

    private static RunResult Row(string target, string? pubsub, double? cpuPerRequest, double? rate) => new(
        target, pubsub, $"{target} row", rate is null ? "closed" : "rate", "raw", 4, rate, 256, 1, 0, 0, 8, 1000, 1000, [], 125, 125,
        LatencySummary.Empty, null, null, 100, new ServerCpuUse(1, 8, cpuPerRequest, 12.5));
}
