using System.Globalization;
using System.Text;

namespace Gateway.LoadGen.Report;

/// <summary>The human side of a report: one markdown table per scenario (exactly what docs/benchmarks.md shows).</summary>
internal static class MarkdownReport
{
    public static string Write(BenchReport report, bool headings)
    {
        var text = new StringBuilder();
        var m = report.Machine;
        text.Append(CultureInfo.InvariantCulture, $"Machine: {m.Cores} cores ({m.CpuModel}), {m.MemoryGiB} GiB RAM, Linux {m.Kernel}, {m.Runtime}; ")
            .Append(CultureInfo.InvariantCulture, $"{m.RedisServer ?? "no redis-server"}; librdkafka {m.Librdkafka ?? "absent"}; load average at start {m.LoadAverageAtStart}. ")
            .Append(CultureInfo.InvariantCulture, $"Whole run: {report.Seconds:0} s.\n");
        foreach (var scenario in report.Scenarios)
        {
            text.Append('\n');
            if (headings)
            {
                text.Append("### ").Append(scenario.Title).Append("\n\n").Append(scenario.Description).Append("\n\n");
            }

            Table(text, scenario);
        }

        return text.ToString();
    }

    public static void Table(StringBuilder text, ScenarioResult scenario)
    {
        var columns = scenario.Columns.Select(key => Columns.All[key]).ToList();
        text.Append("| ").AppendJoin(" | ", columns.Select(c => c.Header)).Append(" |\n");
        text.Append("| ").AppendJoin(" | ", columns.Select((c, i) => i == 0 ? "---" : "---:")).Append(" |\n");
        foreach (var row in scenario.Rows)
        {
            text.Append("| ").AppendJoin(" | ", columns.Select(c => c.Value(row, scenario))).Append(" |\n");
        }
    }
}
