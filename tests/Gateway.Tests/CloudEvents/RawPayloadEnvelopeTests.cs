using System.Text.Json;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class RawPayloadEnvelopeTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WrapsRawBytesAsDaprDoes()
    {
        byte[] json = RawPayloadEnvelope.Create(new byte[] { 1, 2, 3 }, "raw.topic", "pubsub", "00-aa-bb-01", "k=v", Now);

        Assert.Empty(CloudEventValidator.Validate(json));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _));
        Assert.Equal("AQID", root.GetProperty("data_base64").GetString());
        Assert.Equal("application/octet-stream", root.GetProperty("datacontenttype").GetString());
        Assert.Equal(("Dapr", "com.dapr.event.sent", "1.0"), (root.GetProperty("source").GetString(), root.GetProperty("type").GetString(), root.GetProperty("specversion").GetString()));
        Assert.Equal(("raw.topic", "pubsub"), (root.GetProperty("topic").GetString(), root.GetProperty("pubsubname").GetString()));
        Assert.Equal(("00-aa-bb-01", "00-aa-bb-01", "k=v"), (root.GetProperty("traceid").GetString(), root.GetProperty("traceparent").GetString(), root.GetProperty("tracestate").GetString()));
        Assert.False(root.TryGetProperty("data", out _));
    }

    [Fact]
    public void Create_NoTrace_OmitsTraceAttributes()
    {
        var root = JsonDocument.Parse(RawPayloadEnvelope.Create([], "t", "p", null, "", Now)).RootElement;

        Assert.False(root.TryGetProperty("traceid", out _) || root.TryGetProperty("traceparent", out _) || root.TryGetProperty("tracestate", out _));
        Assert.Equal("", root.GetProperty("data_base64").GetString());
    }

    [Fact]
    public void Create_EveryCall_HasANewId()
    {
        string Id() => JsonDocument.Parse(RawPayloadEnvelope.Create([1], "t", "p", null, null, Now)).RootElement.GetProperty("id").GetString()!;

        Assert.NotEqual(Id(), Id());
    }
}
