using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("10s", 10_000_000_000L)]
    [InlineData("+5ms", 5_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData(".5us", 500L)]
    [InlineData("5.s", 5_000_000_000L)]
    [InlineData("3µs", 3_000L)]
    [InlineData("3μs", 3_000L)]
    [InlineData("1ns", 1L)]
    [InlineData("-2m", -120_000_000_000L)]
    [InlineData("2562047h47m16.854775807s", long.MaxValue)]
    public void TryParseNanoseconds_GoSyntax_Parses(string text, long expected)
    {
        Assert.True(GoDuration.TryParseNanoseconds(text, out long nanoseconds));
        Assert.Equal(expected, nanoseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData(".s")]
    [InlineData("1.2.3s")]
    [InlineData("1d")]
    [InlineData("1h30")]
    [InlineData("10S")]
    [InlineData(" 10s")]
    [InlineData("2562048h")]
    [InlineData("-")]
    public void TryParseNanoseconds_NotGoSyntax_Fails(string text) =>
        Assert.False(GoDuration.TryParseNanoseconds(text, out _));
}
