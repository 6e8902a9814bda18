using System.Globalization;
using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Report;

/// <summary>The columns a scenario's table can show, by key; each reads one row (and, for ratios, its scenario).</summary>
internal static class Columns
{
    public static readonly IReadOnlyDictionary<string, (string Header, Func<RunResult, ScenarioResult, string> Value)> All =
        new Dictionary<string, (string, Func<RunResult, ScenarioResult, string>)>
        {
            ["target"] = ("target", (r, _) => r.Label),
            ["rate"] = ("offered msg/s", (r, _) => r.TargetRate is { } rate ? N0(rate) : "closed loop"),
            ["subscriptions"] = ("subscriptions", (r, _) => N0(r.Subscriptions)),
            ["apps"] = ("subscribed apps", (r, _) => N0(r.SubscribedApps)),
            ["rps"] = ("requests/s", (r, _) => N0(r.RequestsPerSecond)),
            ["mps"] = ("messages/s", (r, _) => N0(r.MessagesPerSecond)),
            ["vsNoop"] = ("vs no-op", (r, s) => s.NoopFor(r) is { RequestsPerSecond: > 0 } noop ? (r.RequestsPerSecond / noop.RequestsPerSecond).ToString("0.00", CultureInfo.InvariantCulture) : "–"),
            ["errors"] = ("errors", (r, _) => N0(r.ErrorCount)),
            ["p50"] = ("p50 ms", (r, _) => Ms(r.Latency.P50Ms)),
            ["p90"] = ("p90 ms", (r, _) => Ms(r.Latency.P90Ms)),
            ["p99"] = ("p99 ms", (r, _) => Ms(r.Latency.P99Ms)),
            ["p999"] = ("p99.9 ms", (r, _) => Ms(r.Latency.P999Ms)),
            ["max"] = ("max ms", (r, _) => Ms(r.Latency.MaxMs)),
            ["addedP99"] = ("p99 over no-op ms", (r, s) => r.Target != "noop" && s.NoopFor(r) is { } noop ? Ms(r.Latency.P99Ms - noop.Latency.P99Ms) : "–"),
            ["delivered"] = ("delivered / expected", (r, _) => r.Delivery is { } d ? $"{d.Delivered} / {d.Expected}" : "–"),
            ["dps"] = ("deliveries/s", (r, _) => r.Delivery is { } d ? N0(d.PerSecond) : "–"),
            ["dp50"] = ("delivery p50 ms", (r, _) => r.Delivery is { } d ? Ms(d.Latency.P50Ms) : "–"),
            ["dp90"] = ("delivery p90 ms", (r, _) => r.Delivery is { } d ? Ms(d.Latency.P90Ms) : "–"),
            ["dp99"] = ("delivery p99 ms", (r, _) => r.Delivery is { } d ? Ms(d.Latency.P99Ms) : "–"),
            ["dp999"] = ("delivery p99.9 ms", (r, _) => r.Delivery is { } d ? Ms(d.Latency.P999Ms) : "–"),
            ["rss"] = ("server peak RSS MiB", (r, _) => r.ServerPeakRssMb is { } mb ? mb.ToString("0", CultureInfo.InvariantCulture) : "–"),
            ["cpu"] = ("server CPU µs per request", (r, _) => Micros(r.ServerCpu?.MicrosecondsPerRequest)),
            ["cpuAdded"] = ("CPU added over no-op µs", (r, _) => Micros(r.ServerCpu?.AddedOverNoopMicroseconds)),
            ["cpuPercent"] = ("gateway CPU % of one core", (r, _) => r.ServerCpu?.PercentOfOneCore is { } percent ? Percent(percent) : "–"),
            ["redisClients"] = ("Redis client connections", (r, _) => r.RedisClientConnections is { } count ? N0(count) : "–"),
        };

    /// <summary>Whole microseconds, or "–" where there is no figure.</summary>
    public static string Micros(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "–";

    private static string N0(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share of one core: the CPU clock ticks every 10 ms, so over a 10 s window one tick is 0.1 %.</summary>
    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
