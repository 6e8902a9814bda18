using Gateway.Drivers.InMemory;

namespace Gateway.Drivers.Tests.InMemory;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("300ms", 300 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("2h45m", 165 * TimeSpan.TicksPerMinute)]
    [InlineData("1m30s", 90 * TimeSpan.TicksPerSecond)]
    [InlineData("250us", 2_500L)]
    [InlineData("250µs", 2_500L)]
    [InlineData("1500ns", 15L)]
    [InlineData("-1.5s", -15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData(".5s", 5 * TimeSpan.TicksPerSecond / 10)]
    public void TryParse_GoDuration_IsRead(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("1d")]
    [InlineData("1 s")]
    [InlineData("1.2.3s")]
    [InlineData("1e3ms")]
    [InlineData("99999999999999999999999999h")]
    public void TryParse_NotAGoDuration_IsRejected(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
