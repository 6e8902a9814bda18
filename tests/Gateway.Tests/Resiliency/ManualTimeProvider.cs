namespace Gateway.Tests.Resiliency;

/// <summary>
/// A clock that moves only when the test says so. Timers (Polly's retry waits, its timeouts) fire as the
/// clock passes their due time; <see cref="DriveAsync{T}"/> runs an operation to its end by moving the
/// clock to each timer the operation waits on.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _requestedDueTimes = [];
    private DateTimeOffset _now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DateTimeOffset Start { get; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every due time a timer was armed with, in order: the waits and timeouts asked for.</summary>
    public IReadOnlyList<TimeSpan> RequestedDueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestedDueTimes];
            }
        }
    }

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        Arm(timer, dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = _timers.Where(timer => timer.DueAt <= target).MinBy(timer => timer.DueAt);
                if (due is null)
                {
                    _now = target;
                    return;
                }

                _now = due.DueAt!.Value > _now ? due.DueAt.Value : _now;
                due.DueAt = due.Period == Timeout.InfiniteTimeSpan ? null : _now + due.Period;
            }

            due.Fire();
        }
    }

    /// <summary>
    /// Awaits <paramref name="work"/>, moving the clock to the next armed timer whenever one is armed.
    /// A real-time guard fails the test if the work neither finishes nor arms a timer.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> work)
    {
        var guard = Task.Delay(TimeSpan.FromSeconds(30));
        while (!work.IsCompleted)
        {
            Task armed;
            DateTimeOffset? next;
            lock (_gate)
            {
                armed = _armed.Task;
                next = _timers.Min(timer => timer.DueAt);
            }

            if (next is { } dueAt)
            {
                Advance(dueAt - GetUtcNow());
                continue;
            }

            if (await Task.WhenAny(work, armed, guard) == guard)
            {
                throw new TimeoutException("the operation neither finished nor waited on the manual clock");
            }
        }

        return await work;
    }

    public Task DriveAsync(Task work) => DriveAsync(AsBoolean(work));

    internal bool Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        TaskCompletionSource? armed = null;
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                return false;
            }

            timer.Period = period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            if (timer.DueAt is not null)
            {
                _requestedDueTimes.Add(dueTime);
                armed = _armed;
                _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        armed?.SetResult();
        return true;
    }

    private static async Task<bool> AsBoolean(Task work)
    {
        await work;
        return true;
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }
}
