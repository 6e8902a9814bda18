using System.Text;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class CloudEventExpirationTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("{\"expiration\":\"2024-01-01T09:59:59Z\"}", true)]
    [InlineData("{\"expiration\":\"2024-01-01T11:59:59+02:00\"}", true)]
    [InlineData("{\"expiration\":\"2024-01-01T10:00:00Z\"}", false)]
    [InlineData("{\"expiration\":\"2024-01-01T10:00:01Z\"}", false)]
    [InlineData("{\"expiration\":\"not a time\"}", false)]
    [InlineData("{\"expiration\":\"2024-01-01 09:00:00\"}", false)]
    [InlineData("{\"expiration\":1}", false)]
    [InlineData("{\"id\":\"1\"}", false)]
    [InlineData("not json", false)]
    [InlineData("[]", false)]
    public void IsExpired_OnlyWhenParseableAndPast(string json, bool expected) =>
        Assert.Equal(expected, CloudEventExpiration.IsExpired(Encoding.UTF8.GetBytes(json), Now));
}
