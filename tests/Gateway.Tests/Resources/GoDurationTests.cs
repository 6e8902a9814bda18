using Gateway.Resources;

namespace Gateway.Tests.Resources;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("1m30s", 90 * TimeSpan.TicksPerSecond)]
    [InlineData("1h", TimeSpan.TicksPerHour)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData(".5s", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("2us", 20)]
    [InlineData("2\u00b5s", 20)]
    [InlineData("250ns", 2)]
    [InlineData("0", 0)]
    [InlineData("+3s", 3 * TimeSpan.TicksPerSecond)]
    [InlineData("-1s", -TimeSpan.TicksPerSecond)]
    [InlineData("1h2m3s4ms", TimeSpan.TicksPerHour + (2 * TimeSpan.TicksPerMinute) + (3 * TimeSpan.TicksPerSecond) + (4 * TimeSpan.TicksPerMillisecond))]
    public void TryParse_GoSyntax_GivesTheDuration(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 s")]
    [InlineData("5 seconds")]
    [InlineData("s")]
    [InlineData(".s")]
    [InlineData("-")]
    [InlineData("1d")]
    [InlineData("1S")]
    [InlineData("1s-2s")]
    [InlineData("99999999999999h")]
    [InlineData("abc")]
    public void TryParse_Garbage_IsRejected(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0", "0s")]
    [InlineData("500ms", "500ms")]
    [InlineData("1.5ms", "1.5ms")]
    [InlineData("90s", "1m30s")]
    [InlineData("60s", "1m0s")]
    [InlineData("1h0m0.5s", "1h0m0.5s")]
    [InlineData("-2s", "-2s")]
    public void Format_WritesWhatGoWouldPrint(string text, string expected)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(expected, GoDuration.Format(duration));
    }
}
