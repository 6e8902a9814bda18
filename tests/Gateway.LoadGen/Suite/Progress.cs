using System.Globalization;
using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Suite;

/// <summary>One line on standard error per finished run, so a long suite shows where it is.</summary>
internal static class Progress
{
    public static RunResult Report(string scenario, RunResult row)
    {
        var rate = row.TargetRate is { } r ? $" @{r:0}/s" : "";
        var delivery = row.Delivery is { } d ? $", delivered {d.Delivered}/{d.Expected} p50 {d.Latency.P50Ms:0.00} p99 {d.Latency.P99Ms:0.00} ms" : "";
        var load = row.Mode == "idle"
            ? $"nothing published{(row.RedisClientConnections is { } clients ? $", {clients} Redis client connections" : "")}"
            : $"{row.RequestsPerSecond:0} req/s, p50 {row.Latency.P50Ms:0.00} p99 {row.Latency.P99Ms:0.00} ms, errors {row.ErrorCount}{delivery}";
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{DateTime.Now:HH:mm:ss}] {scenario}: {row.Label}{rate}: {load}, server CPU {Cpu(row.ServerCpu)}, RSS {row.ServerPeakRssMb?.ToString("0", CultureInfo.InvariantCulture) ?? "–"} MiB"));
        return row;
    }

    private static string Cpu(ServerCpuUse? cpu) => cpu switch
    {
        null => "–",
        { MicrosecondsPerRequest: { } perRequest } => string.Create(CultureInfo.InvariantCulture, $"{perRequest:0} µs/request"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{cpu.PercentOfOneCore:0.0} % of one core"),
    };
}
