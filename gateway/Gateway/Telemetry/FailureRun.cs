namespace Gateway.Telemetry;

/// <summary>
/// Keeps a run of failures of one party (an app that cannot be reached, a broker that refuses) short in the
/// log: the first failure is logged whole, then at most one summary per period with how many more there
/// were, and one line when it works again. Thread-safe; a success with no run in progress costs one read.
/// </summary>
internal sealed class FailureRun(TimeProvider timeProvider, TimeSpan period)
{
    /// <summary>The summary period used by the gateway: 30 s.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private int _failures;
    private int _unreported;
    private long _lastReport;

    /// <summary>Counts a failure and says what to log for it.</summary>
    public FailureNote Failed()
    {
        var now = timeProvider.GetTimestamp();
        lock (_lock)
        {
            if (++_failures == 1)
            {
                _lastReport = now;
                return new FailureNote(FailureNoteKind.First, 1);
            }

            _unreported++;
            if (timeProvider.GetElapsedTime(_lastReport, now) < period)
            {
                return new FailureNote(FailureNoteKind.Quiet, 0);
            }

            var count = _unreported;
            _unreported = 0;
            _lastReport = now;
            return new FailureNote(FailureNoteKind.Summary, count);
        }
    }

    /// <summary>Ends the run; the number of failures it had (0 when there was none: log nothing).</summary>
    public int Succeeded()
    {
        if (Volatile.Read(ref _failures) == 0)
        {
            return 0;
        }

        lock (_lock)
        {
            var failures = _failures;
            _failures = 0;
            _unreported = 0;
            return failures;
        }
    }
}
