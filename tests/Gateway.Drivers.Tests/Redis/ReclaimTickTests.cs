using Gateway.Drivers.Redis;

namespace Gateway.Drivers.Tests.Redis;

public class ReclaimTickTests
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    [Theory]
    [InlineData(0, 15_000, 15_000)]
    [InlineData(1, 15_000, 15_000)]
    [InlineData(14_999, 15_000, 15_000)]
    [InlineData(15_000, 15_000, 30_000)]
    [InlineData(15_001, 15_000, 30_000)]
    [InlineData(1_733_400_123_456, 15_000, 1_733_400_135_000)]
    [InlineData(1_733_400_123_456, 60_000, 1_733_400_180_000)]
    public void NextReclaimTick_IsTheNextWholeMultipleOfTheInterval(long nowMs, long intervalMs, long expectedMs)
    {
        var next = RedisSubscription.NextReclaimTick(Epoch.AddMilliseconds(nowMs), TimeSpan.FromMilliseconds(intervalMs));

        Assert.Equal(Epoch.AddMilliseconds(expectedMs), next);
    }

    [Fact]
    public void SubscriptionsStartedAtDifferentMoments_ReclaimOnTheSameTicks_OneIntervalApart()
    {
        var interval = TimeSpan.FromSeconds(15);
        var started = new[] { 0.2, 3.7, 9.9, 14.95 }.Select(s => Epoch.AddSeconds(999_990 + s)).ToList();

        var first = started.Select(now => RedisSubscription.NextReclaimTick(now, interval)).ToList();
        var second = first.Select(tick => RedisSubscription.NextReclaimTick(tick, interval)).ToList();

        Assert.Single(first.Distinct());
        Assert.All(first.Zip(started), pair => Assert.InRange(pair.First - pair.Second, TimeSpan.FromTicks(1), interval));
        Assert.All(second.Zip(first), pair => Assert.Equal(interval, pair.First - pair.Second));
    }
}
