using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Report;

/// <summary>One scenario of the suite (or the single run of <c>run</c>): its rows and how its table looks.</summary>
/// <param name="Key">Stable identifier, e.g. <c>throughput</c>.</param>
/// <param name="Title">The table's heading.</param>
/// <param name="Description">What was run, one paragraph.</param>
/// <param name="Columns">Column keys of <see cref="Columns"/>, in order.</param>
/// <param name="Rows">Every measured run.</param>
internal sealed record ScenarioResult(string Key, string Title, string Description, IReadOnlyList<string> Columns, IReadOnlyList<RunResult> Rows)
{
    /// <summary>The no-op row of this scenario measured under the same load as <paramref name="row"/> (same mode and rate), if any.</summary>
    public RunResult? NoopFor(RunResult row) =>
        Rows.FirstOrDefault(r => r.Target == "noop" && r.Mode == row.Mode && r.TargetRate == row.TargetRate);

    /// <summary>
    /// The same scenario with each row's <see cref="ServerCpuUse.AddedOverNoopMicroseconds"/> set against its no-op row;
    /// left null for the no-op rows themselves, for rows without a server process and where no no-op row ran.
    /// </summary>
    public ScenarioResult WithCpuAddedOverNoop() => this with
    {
        Rows = [.. Rows.Select(row => row is { Target: not "noop", ServerCpu: { } cpu }
            ? row with { ServerCpu = cpu with { AddedOverNoopMicroseconds = ServerCpu.AddedOverNoop(cpu.MicrosecondsPerRequest, NoopFor(row)?.ServerCpu?.MicrosecondsPerRequest) } }
            : row)],
    };
}
