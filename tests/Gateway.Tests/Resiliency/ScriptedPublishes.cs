using Gateway.Drivers;

namespace Gateway.Tests.Resiliency;

/// <summary>
/// A broker that fails the first <c>failures.Length</c> publishes with the given errors, in order, then
/// accepts every publish; it counts the publishes it saw.
/// </summary>
internal sealed class ScriptedPublishes(params DriverException[] failures)
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public static DriverException Transient => new("the broker is unavailable", isTransient: true);

    public static DriverException Terminal => new("the topic does not exist", isTransient: false);

    /// <summary>A broker that fails every publish with <paramref name="failure"/>.</summary>
    public static ScriptedPublishes Always(DriverException failure) => new([.. Enumerable.Repeat(failure, 1000)]);

    public ValueTask PublishAsync(CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _attempts) - 1;
        return index < failures.Length ? ValueTask.FromException(failures[index]) : ValueTask.CompletedTask;
    }

    /// <summary>A publish that never completes, so only a timeout or cancellation ends it.</summary>
    public async ValueTask HangAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }
}
