using Gateway.Resiliency;
using Gateway.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

public sealed class RetryDelayScheduleTests
{
    [Fact]
    public void NextDelay_ExponentialWithMiddleJitter_StartsAt500msAndGrowsByOneAndAHalf()
    {
        var schedule = new RetryDelaySchedule(Exponential(RetryPolicySpec.Unlimited), () => 0.5);

        var delays = Enumerable.Range(0, 5).Select(index => schedule.NextDelay(index, TimeSpan.Zero)).ToList();

        Assert.Equal(
            [TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1125), TimeSpan.FromMilliseconds(1687.5), TimeSpan.FromMilliseconds(2531.25)],
            delays);
    }

    [Theory]
    [InlineData(0.0, 375)]
    [InlineData(0.25, 562.5)]
    [InlineData(1.0, 1125)]
    public void NextDelay_Jitter_RandomisesTheIntervalByHalfEitherWay(double jitter, double expectedMilliseconds)
    {
        var schedule = new RetryDelaySchedule(Exponential(RetryPolicySpec.Unlimited), () => jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), schedule.NextDelay(1, TimeSpan.Zero));
    }

    [Fact]
    public void Interval_GrowingPastMaxInterval_IsCappedThere()
    {
        var schedule = new RetryDelaySchedule(Exponential(RetryPolicySpec.Unlimited, TimeSpan.FromSeconds(1)), () => 0.5);

        var intervals = Enumerable.Range(0, 4).Select(schedule.Interval).ToList();

        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(750), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], intervals);
    }

    [Fact]
    public void Interval_AfterCountlessRetries_StaysAtMaxInterval()
    {
        var schedule = new RetryDelaySchedule(Exponential(RetryPolicySpec.Unlimited), () => 0.5);

        Assert.Equal(RetryPolicySpec.DefaultMaxInterval, schedule.Interval(int.MaxValue));
    }

    [Theory]
    [InlineData(14 * 60 + 59, true)]
    [InlineData(14 * 60 + 59.25, true)]
    [InlineData(14 * 60 + 59.5, false)]
    [InlineData(20 * 60, false)]
    public void NextDelay_ExponentialNearFifteenMinutes_StopsWhenTheWaitWouldPassThem(double elapsedSeconds, bool expectDelay)
    {
        var schedule = new RetryDelaySchedule(Exponential(RetryPolicySpec.Unlimited), () => 0.5);

        var delay = schedule.NextDelay(1, TimeSpan.FromSeconds(elapsedSeconds));

        Assert.Equal(expectDelay ? TimeSpan.FromMilliseconds(750) : null, delay);
    }

    [Fact]
    public void NextDelay_Constant_IsItsDurationWithoutTimeLimit()
    {
        var schedule = new RetryDelaySchedule(Constant(RetryPolicySpec.Unlimited, TimeSpan.FromSeconds(3)), () => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(3), schedule.NextDelay(0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(3), schedule.NextDelay(50, TimeSpan.FromDays(1)));
    }
}
