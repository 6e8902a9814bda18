namespace Gateway.Telemetry;

/// <summary>What to log for one failure of a <see cref="FailureRun"/>.</summary>
/// <param name="Kind">The first of a run (log it whole), a summary (log <paramref name="Count"/> failures since the last line), or nothing.</param>
/// <param name="Count">For a summary, the failures since the last line.</param>
internal readonly record struct FailureNote(FailureNoteKind Kind, int Count);
