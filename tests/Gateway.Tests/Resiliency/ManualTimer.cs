namespace Gateway.Tests.Resiliency;

/// <summary>A timer of <see cref="ManualTimeProvider"/>: fires only when the test moves the clock past its due time.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    /// <summary>When it fires next, on the manual clock; null when disarmed.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

    public void Fire() => callback(state);

    public bool Change(TimeSpan dueTime, TimeSpan period) => clock.Arm(this, dueTime, period);

    public void Dispose() => clock.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
