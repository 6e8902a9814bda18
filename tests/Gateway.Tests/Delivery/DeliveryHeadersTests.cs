using Gateway.Delivery;

namespace Gateway.Tests.Delivery;

public sealed class DeliveryHeadersTests
{
    [Theory]
    [InlineData("pubsubName", "Pubsubname")]
    [InlineData("__key", "__key")]
    [InlineData("x-my-header", "X-My-Header")]
    [InlineData("TTLINSECONDS", "Ttlinseconds")]
    public void Canonical_IsGosCanonicalHeaderKeyOfTheLowerCasedKey(string key, string expected)
    {
        Assert.Equal(expected, DeliveryHeaders.Canonical(key));
    }

    [Fact]
    public void FromMetadata_ForwardsMetadata_LeavesOutWhatHttpCannotCarry_AndNamesThePubsub()
    {
        var metadata = new Dictionary<string, string>
        {
            ["ttlInSeconds"] = "10",
            ["content-type"] = "text/plain",
            ["Content-Length"] = "3",
            ["connection"] = "close",
            ["grpc-trace-bin"] = "x",
            ["bad name"] = "x",
            ["newline"] = "a\r\nInjected: yes",
            ["pubsubName"] = "spoofed",
            ["traceparent"] = "00-x",
        };

        var headers = DeliveryHeaders.FromMetadata(metadata, "orders-bus");

        Assert.Equal(
            [new("Ttlinseconds", "10"), new("Pubsubname", "orders-bus")],
            headers);
    }
}
