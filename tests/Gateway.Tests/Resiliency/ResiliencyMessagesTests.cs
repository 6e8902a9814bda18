using Gateway.Resiliency;

namespace Gateway.Tests.Resiliency;

public sealed class ResiliencyMessagesTests
{
    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(1500, "1.5s")]
    [InlineData(60_000, "1m")]
    [InlineData(150_000, "2m30s")]
    [InlineData(900_000, "15m")]
    public void Duration_IsWrittenTheWayResiliencyYamlWritesIt(double milliseconds, string expected)
    {
        Assert.Equal(expected, ResiliencyMessages.Duration(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
