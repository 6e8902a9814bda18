using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Cli;

/// <summary>
/// The medians <c>versus</c> reports over its rounds. Values are per round, NaN where a round has none (errors, no
/// server CPU). The CPU columns leave the first round out: it follows the long warm-up, while JIT tiering may still run.
/// </summary>
internal static class VersusRounds
{
    /// <summary>Median over rounds 2+ of a target's CPU per request; NaN when no such round has one.</summary>
    public static double MedianCpuPerRequest(IReadOnlyList<double> perRound) => MedianOfKnown(perRound.Skip(1));

    /// <summary>
    /// Median over rounds 2+ of (the target's CPU per request − the no-op endpoint's in the same round), so that a burst of
    /// other work on the machine lands on both sides of one difference; NaN when no round has both.
    /// </summary>
    public static double MedianCpuAddedOverNoop(IReadOnlyList<double> perRound, IReadOnlyList<double> noopPerRound) =>
        MedianOfKnown(perRound.Zip(noopPerRound, (row, noop) => ServerCpu.AddedOverNoop(Known(row), Known(noop)) ?? double.NaN).Skip(1));

    /// <summary>A table cell: whole microseconds, "–" for NaN (the no-op row's added CPU, a target without rounds).</summary>
    public static string Cell(double microseconds) => Report.Columns.Micros(Known(microseconds));

    /// <summary>The median of the values as they are (double.NaN sorts below every number).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double MedianOfKnown(IEnumerable<double> values)
    {
        var known = values.Where(v => !double.IsNaN(v)).ToArray();
        return known.Length > 0 ? Median(known) : double.NaN;
    }

    private static double? Known(double value) => double.IsNaN(value) ? null : value;
}
