using Gateway.Delivery;
using Gateway.Tests.Resiliency;

namespace Gateway.Tests.Delivery;

public sealed class AppBackoffTests
{
    [Fact]
    public void Wait_WhileTheAppAnswers_CompletesAtOnce()
    {
        var backoff = new AppBackoff(new ManualTimeProvider());

        Assert.True(backoff.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Unreachable_EachNewFailure_DoublesTheWait_UpToFiveSeconds()
    {
        var clock = new ManualTimeProvider();
        var backoff = new AppBackoff(clock);
        var waits = new List<TimeSpan>();

        for (var failure = 0; failure < 8; failure++)
        {
            backoff.Unreachable();
            var started = clock.GetUtcNow();
            await clock.DriveAsync(backoff.WaitAsync(CancellationToken.None));
            waits.Add(clock.GetUtcNow() - started);
        }

        Assert.Equal(
            [100, 200, 400, 800, 1600, 3200, 5000, 5000],
            waits.Select(wait => (int)wait.TotalMilliseconds));
    }

    [Fact]
    public void Unreachable_AgainWithinTheWindow_DoesNotLengthenIt()
    {
        var clock = new ManualTimeProvider();
        var backoff = new AppBackoff(clock);

        backoff.Unreachable();
        backoff.Unreachable();
        backoff.Unreachable();

        Assert.Equal(1, backoff.Failures);
        Assert.Equal([TimeSpan.FromMilliseconds(100)], WaitsArmed(clock, backoff));
    }

    [Fact]
    public void Answered_AfterFailures_EndsTheBackoff()
    {
        var clock = new ManualTimeProvider();
        var backoff = new AppBackoff(clock);
        backoff.Unreachable();

        backoff.Answered();

        Assert.Equal(0, backoff.Failures);
        Assert.True(backoff.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Wait_Cancelled_Throws()
    {
        var backoff = new AppBackoff(new ManualTimeProvider());
        backoff.Unreachable();
        using var cancel = new CancellationTokenSource();

        var waiting = backoff.WaitAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static IReadOnlyList<TimeSpan> WaitsArmed(ManualTimeProvider clock, AppBackoff backoff)
    {
        _ = backoff.WaitAsync(CancellationToken.None);
        return clock.RequestedDueTimes;
    }
}
