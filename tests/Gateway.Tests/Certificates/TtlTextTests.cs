using Gateway.Certificates;

namespace Gateway.Tests.Certificates;

public sealed class TtlTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 30 * 60)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("7d", 7 * 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("3650d", 3650 * 86400)]
    public void TryParse_NumberWithUnit_GivesTheLifetime(string text, int seconds)
    {
        Assert.True(TtlText.TryParse(text, out var ttl));
        Assert.Equal(TimeSpan.FromSeconds(seconds), ttl);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("24")]
    [InlineData("h")]
    [InlineData("24H")]
    [InlineData("1w")]
    [InlineData("0m")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData(" 1h")]
    [InlineData("3651d")]
    [InlineData("9999999d")]
    public void TryParse_AnythingElse_IsRejected(string? text)
    {
        Assert.False(TtlText.TryParse(text, out _));
    }
}
