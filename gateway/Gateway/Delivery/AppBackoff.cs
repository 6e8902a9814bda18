namespace Gateway.Delivery;

/// <summary>
/// Backs off from an app that cannot be reached (connection refused or reset, TLS refused): after such a
/// failure, deliveries wait before trying the app again, <see cref="FirstDelay"/> doubling with every
/// further failure up to <see cref="LongestDelay"/>; any HTTP answer from the app ends the back-off.
/// Waiting happens inside the message handler, so the messages stay unacknowledged in the broker and
/// the subscription takes no new ones meanwhile: nothing is lost, and a down app is not hammered.
/// </summary>
internal sealed class AppBackoff(TimeProvider timeProvider)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    /// <summary>Consecutive failed back-off windows; 0 while the app answers.</summary>
    public int Failures
    {
        get
        {
            lock (_lock)
            {
                return _failures;
            }
        }
    }

    /// <summary>Waits until the app may be tried again (at once when it is not backed off).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (_lock)
        {
            delay = _nextAttempt - timeProvider.GetUtcNow();
        }

        return delay > TimeSpan.Zero ? Task.Delay(delay, timeProvider, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Records that the app could not be reached. Failures of deliveries that were already in flight
    /// when a window opened do not lengthen it again: one outage is one step, not one per request.
    /// </summary>
    public void Unreachable()
    {
        lock (_lock)
        {
            var now = timeProvider.GetUtcNow();
            if (now < _nextAttempt)
            {
                return;
            }

            _failures++;
            var delay = FirstDelay * Math.Pow(2, Math.Min(_failures - 1, 16));
            _nextAttempt = now + (delay < LongestDelay ? delay : LongestDelay);
        }
    }

    /// <summary>Records that the app answered (whatever the status): the next delivery goes at once.</summary>
    public void Answered()
    {
        lock (_lock)
        {
            _failures = 0;
            _nextAttempt = DateTimeOffset.MinValue;
        }
    }
}
