using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class KafkaDurationTests
{
    [Theory]
    [InlineData("250", 250)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData(" 3s ", 3000)]
    public void TryParse_MillisecondsOrGoDuration_IsRead(string text, int expectedMilliseconds)
    {
        Assert.True(KafkaDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("5 s")]
    [InlineData("5x")]
    [InlineData("-5s")]
    [InlineData("s")]
    public void TryParse_Unrecognised_IsRejected(string text)
    {
        Assert.False(KafkaDuration.TryParse(text, out _));
    }
}
