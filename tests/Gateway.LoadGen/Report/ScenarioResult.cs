using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Report;

/// <summary>One scenario of the suite (or the single run of <c>run</c>): its rows and how its table looks.</summary>
/// <param name="Key">Stable identifier, e.g. <c>throughput</c>.</param>
/// <param name="Title">The table's heading.</param>
/// <param name="Description">What was run, one paragraph.</param>
/// <param name="Columns">Column keys of <see cref="Columns"/>, in order.</param>
/// <param name="Rows">Every measured run.</param>
internal sealed record ScenarioResult(string Key, string Title, string Description, IReadOnlyList<string> Columns, IReadOnlyList<RunResult> Rows);
