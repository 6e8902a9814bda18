using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class CloudEventMetadataOverridesTests
{
    [Fact]
    public void From_KeysMatchCaseInsensitively()
    {
        var overrides = CloudEventMetadataOverrides.From(new Dictionary<string, string>
        {
            ["CloudEvent.ID"] = "i", ["cloudevent.Source"] = "s", ["CLOUDEVENT.TYPE"] = "t", ["cloudevent.subject"] = "sub",
            ["cloudevent.TraceId"] = "ti", ["cloudevent.traceparent"] = "tp", ["cloudevent.tracestate"] = "ts",
        });

        Assert.Equal(new CloudEventMetadataOverrides("i", "s", "t", "sub", "ti", "tp", "ts"), overrides);
    }

    [Fact]
    public void From_EmptyValuesAndOtherKeys_AreNotOverrides()
    {
        var overrides = CloudEventMetadataOverrides.From(new Dictionary<string, string>
        {
            ["cloudevent.id"] = "", ["id"] = "x", ["cloudevent-type"] = "x", ["cloudevent.topic"] = "x", ["xcloudevent.source"] = "x",
        });

        Assert.Equal(new CloudEventMetadataOverrides(null, null, null, null, null, null, null), overrides);
    }
}
