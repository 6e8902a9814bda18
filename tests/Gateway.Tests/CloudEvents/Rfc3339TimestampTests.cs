using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class Rfc3339TimestampTests
{
    [Theory]
    [InlineData("2018-04-05T17:31:00Z")]
    [InlineData("2018-04-05T17:31:00.1Z")]
    [InlineData("2018-04-05T17:31:00.123456789Z")]
    [InlineData("2018-04-05T17:31:00+23:59")]
    [InlineData("2018-04-05T17:31:00-00:00")]
    [InlineData("2020-02-29T00:00:00Z")]
    [InlineData("2000-02-29T23:59:59Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    public void IsValid_Rfc3339DateTime_IsAccepted(string text) => Assert.True(Rfc3339Timestamp.IsValid(text));

    [Theory]
    [InlineData("2018-04-05t17:31:00Z")]     // lower-case t: decided against
    [InlineData("2018-04-05T17:31:00z")]     // lower-case z: decided against
    [InlineData("2018-04-05T17:31:60Z")]     // leap second: DateTimeOffset cannot hold it
    [InlineData("2018-04-05T17:31Z")]        // missing seconds
    [InlineData("2018-04-05T17:31:00+25:00")]
    [InlineData("2018-04-05T17:31:00+01")]   // hour-only offset
    [InlineData("2018-04-05T17:31:00X")]
    [InlineData("2018-04-05T17:31:00")]      // no offset
    [InlineData("2018-04-05T17:31:00.Z")]    // empty fraction
    [InlineData("2018-04-05 17:31:00Z")]
    [InlineData("2018-13-05T17:31:00Z")]
    [InlineData("2019-02-29T00:00:00Z")]
    [InlineData("1900-02-29T00:00:00Z")]
    [InlineData("2018-04-31T00:00:00Z")]
    [InlineData("2018-04-05T24:00:00Z")]
    [InlineData("2018-04-05T17:31:00+05:60")]
    [InlineData("")]
    public void IsValid_NotRfc3339_IsRejected(string text) => Assert.False(Rfc3339Timestamp.IsValid(text));

    [Theory]
    [InlineData("2018-04-05T17:31:00+05:30", "2018-04-05T12:01:00Z")]
    [InlineData("2018-04-05T01:00:00+20:00", "2018-04-04T05:00:00Z")] // beyond DateTimeOffset's ±14:00
    [InlineData("2018-04-05T17:31:00.9999999999Z", "2018-04-05T17:31:00Z")]
    public void TryParseUtc_ConvertsToUtc(string text, string expectedUtcSeconds)
    {
        Assert.True(Rfc3339Timestamp.TryParseUtc(text, out var utc));
        Assert.Equal(expectedUtcSeconds, Rfc3339Timestamp.FormatSecondsUtc(utc));
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void TryParseUtc_YearZero_CannotBeRepresented() =>
        Assert.False(Rfc3339Timestamp.TryParseUtc("0000-01-01T00:00:00Z", out _));

    [Fact]
    public void FormatSecondsUtc_DropsFractionAndUsesZ() =>
        Assert.Equal("2024-01-01T10:00:00Z",
            Rfc3339Timestamp.FormatSecondsUtc(new DateTimeOffset(2024, 1, 1, 11, 0, 0, 500, TimeSpan.FromHours(1))));
}
