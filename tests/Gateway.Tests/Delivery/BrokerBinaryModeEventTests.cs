using System.Text;
using System.Text.Json;
using Gateway.Delivery;
using Gateway.Drivers;

namespace Gateway.Tests.Delivery;

public sealed class BrokerBinaryModeEventTests
{
    [Theory]
    [InlineData("application/octet-stream", true)]
    [InlineData("Application/Octet-Stream; charset=binary", true)]
    [InlineData("application/cloudevents+json", false)]
    [InlineData(null, false)]
    public void Applies_OnlyToTheBinaryContentType(string? contentType, bool expected) =>
        Assert.Equal(expected, BrokerBinaryModeEvent.Applies(Message([], contentType, [1])));

    [Fact]
    public void Rebuild_CePrefixIsCaseInsensitive_AndAttributeNamesAreLowerCased()
    {
        using var cloudEvent = Rebuild(Message(new() { ["CE_ID"] = "a", ["Ce_Source"] = "s", ["ce_type"] = "t", ["ce_specversion"] = "1.0", ["other"] = "x" }, "application/octet-stream", [1, 2]));

        var root = cloudEvent.RootElement;
        Assert.Equal("a", root.GetProperty("id").GetString());
        Assert.Equal("s", root.GetProperty("source").GetString());
        Assert.False(root.TryGetProperty("other", out _));
        Assert.Equal("application/octet-stream", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("AQI=", root.GetProperty("data_base64").GetString());
        Assert.Equal("orders", root.GetProperty("topic").GetString());
        Assert.Equal("pubsub", root.GetProperty("pubsubname").GetString());
    }

    [Fact]
    public void Rebuild_DataContentTypeJson_ButBytesAreNotJson_FallsBackToBase64()
    {
        using var cloudEvent = Rebuild(Message(new() { ["ce_datacontenttype"] = "application/json" }, "application/octet-stream", Encoding.UTF8.GetBytes("{oops")));

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{oops")), cloudEvent.RootElement.GetProperty("data_base64").GetString());
        Assert.False(cloudEvent.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public void Rebuild_MetadataNamingDataMembers_CannotOverrideTheBytes()
    {
        using var cloudEvent = Rebuild(Message(new() { ["ce_data"] = "forged", ["ce_data_base64"] = "Zm9v", ["ce_topic"] = "original" }, "application/octet-stream", [7]));

        Assert.Equal("Bw==", cloudEvent.RootElement.GetProperty("data_base64").GetString());
        Assert.False(cloudEvent.RootElement.TryGetProperty("data", out _));
        Assert.Equal("original", cloudEvent.RootElement.GetProperty("topic").GetString());
    }

    private static JsonDocument Rebuild(BrokerMessage message) => JsonDocument.Parse(BrokerBinaryModeEvent.Rebuild(message, "orders", "pubsub"));

    private static BrokerMessage Message(Dictionary<string, string> metadata, string? contentType, byte[] data) =>
        new("1", "orders", data, contentType, metadata, 1);
}
