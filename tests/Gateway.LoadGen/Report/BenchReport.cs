namespace Gateway.LoadGen.Report;

/// <summary>The one JSON document a run or the suite produces.</summary>
/// <param name="Command">The command line that produced it (after <c>--</c>).</param>
/// <param name="StartedAt">UTC start.</param>
/// <param name="Seconds">Wall-clock length of the whole run.</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="Scenarios">Results.</param>
internal sealed record BenchReport(string Command, DateTimeOffset StartedAt, double Seconds, MachineInfo Machine, IReadOnlyList<ScenarioResult> Scenarios);
