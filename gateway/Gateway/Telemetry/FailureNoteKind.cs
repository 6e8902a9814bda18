namespace Gateway.Telemetry;

/// <summary>See <see cref="FailureNote"/>.</summary>
internal enum FailureNoteKind
{
    First,
    Summary,
    Quiet,
}
