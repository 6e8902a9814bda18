using Gateway.LoadGen.Metrics;
using Gateway.LoadGen.Report;

namespace Gateway.LoadGen.Suite;

/// <summary>Peak RSS of the server process in every scenario: the largest per target and driver.</summary>
internal static class MemorySummary
{
    public static ScenarioResult From(IReadOnlyList<ScenarioResult> scenarios)
    {
        var rows = scenarios
            .SelectMany(s => s.Rows.Where(r => r.ServerPeakRssMb is not null).Select(r => r with { Label = $"{s.Title}: {r.Label}" }))
            .GroupBy(r => r.Label)
            .Select(g => g.MaxBy(r => r.ServerPeakRssMb)!)
            .ToList();
        return new ScenarioResult(
            "memory",
            "Peak RSS under load",
            "VmHWM of the server process (a gateway is started fresh for each scenario and driver; the no-op endpoint lives through the whole suite) read right after each run; the largest per scenario and target.",
            ["target", "rss"],
            rows);
    }
}
