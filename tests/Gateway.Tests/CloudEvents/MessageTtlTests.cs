using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class MessageTtlTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ttlInSeconds", "10s", "2024-01-01T10:00:10Z")]
    [InlineData("ttlInSeconds", "1m", "2024-01-01T10:01:00Z")]
    [InlineData("ttlInSeconds", "1h30m", "2024-01-01T11:30:00Z")]
    [InlineData("ttlInSeconds", "500ms", "2024-01-01T10:00:00Z")]
    [InlineData("ttlInSeconds", "1500ms", "2024-01-01T10:00:01Z")]
    [InlineData("ttlInSeconds", "60", "2024-01-01T10:01:00Z")]
    [InlineData("TTLINSECONDS", "60", "2024-01-01T10:01:00Z")]
    [InlineData("ttl", "120", "2024-01-01T10:02:00Z")]
    [InlineData("Ttl", "2h", "2024-01-01T12:00:00Z")]
    [InlineData("ttlInSeconds", "0", "2024-01-01T10:00:00Z")]      // Go duration "0": expires at once
    [InlineData("ttlInSeconds", "-10s", "2024-01-01T10:00:00Z")]   // negative durations clamp to zero
    [InlineData("ttlInSeconds", "9223372036854775807", "9999-12-31T23:59:59Z")]
    public void TryGet_ValidTtl_GivesExpiration(string key, string value, string expected)
    {
        Assert.True(MessageTtl.TryGet(new Dictionary<string, string> { [key] = value }, out var ttl));
        Assert.Equal(expected, MessageTtl.Expiration(Now, ttl));
    }

    [Theory]
    [InlineData("ttlInSeconds", "abc")]
    [InlineData("ttlInSeconds", "-5")]
    [InlineData("ttlInSeconds", "")]
    [InlineData("ttlInSeconds", "1.5")]
    [InlineData("ttlInSeconds", "10 s")]
    [InlineData("ttlInSeconds", "99999999999999999999")]
    [InlineData("ttlseconds", "60")]
    public void TryGet_InvalidOrAbsent_IsIgnored(string key, string value) =>
        Assert.False(MessageTtl.TryGet(new Dictionary<string, string> { [key] = value }, out _));

    [Fact]
    public void TryGet_BothKeys_TtlInSecondsWins()
    {
        Assert.True(MessageTtl.TryGet(new Dictionary<string, string> { ["ttl"] = "5", ["ttlInSeconds"] = "7" }, out var ttl));
        Assert.Equal(TimeSpan.FromSeconds(7), ttl);
    }
}
