using Gateway.Drivers;

namespace Gateway.Drivers.Tests;

/// <summary>The one Go-duration parser of the gateway: YAML, driver metadata and TTLs all use it.</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5s", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("1m30s", 90 * TimeSpan.TicksPerSecond)]
    [InlineData("2h45m", 165 * TimeSpan.TicksPerMinute)]
    [InlineData("1h", TimeSpan.TicksPerHour)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData(".5s", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("2us", 20)]
    [InlineData("2\u00b5s", 20)]
    [InlineData("250ns", 2)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("+3s", 3 * TimeSpan.TicksPerSecond)]
    [InlineData("-1.5s", -15 * TimeSpan.TicksPerSecond / 10)]
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
    [InlineData(" 10s")]
    [InlineData("5 seconds")]
    [InlineData("s")]
    [InlineData(".s")]
    [InlineData("-")]
    [InlineData("1d")]
    [InlineData("1S")]
    [InlineData("1h30")]
    [InlineData("1s-2s")]
    [InlineData("1.2.3s")]
    [InlineData("1e3ms")]
    [InlineData("2562048h")]
    [InlineData("abc")]
    public void TryParse_NotGoSyntax_IsRejected(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10s", 10_000_000_000L)]
    [InlineData(".5us", 500L)]
    [InlineData("5.s", 5_000_000_000L)]
    [InlineData("3μs", 3_000L)]
    [InlineData("1ns", 1L)]
    [InlineData("-2m", -120_000_000_000L)]
    [InlineData("2562047h47m16.854775807s", long.MaxValue)]
    public void TryParseNanoseconds_KeepsGosFullRange(string text, long expected)
    {
        Assert.True(GoDuration.TryParseNanoseconds(text, out var nanoseconds));
        Assert.Equal(expected, nanoseconds);
    }

    [Theory]
    [InlineData("250", 250)]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1500)]
    [InlineData("2h", 7_200_000)]
    [InlineData(" 3s ", 3000)]
    public void TryParseMillisecondsOrDuration_BareNumbersAreMilliseconds(string text, int expectedMilliseconds)
    {
        Assert.True(GoDuration.TryParseMillisecondsOrDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("5 s")]
    [InlineData("-5s")]
    [InlineData("-5")]
    public void TryParseMillisecondsOrDuration_RefusesGarbageAndNegatives(string text)
    {
        Assert.False(GoDuration.TryParseMillisecondsOrDuration(text, out _));
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
