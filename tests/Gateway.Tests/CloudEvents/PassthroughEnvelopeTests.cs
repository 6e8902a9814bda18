using System.Text.Json;
using Gateway.CloudEvents;
using static Gateway.Tests.CloudEvents.EnvelopeRequests;

namespace Gateway.Tests.CloudEvents;

public sealed class PassthroughEnvelopeTests
{
    private const string Structured = "application/cloudevents+json";

    [Fact]
    public void E4_EventKept_TopicPubsubAndTraceAdded()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"event\",\"source\":\"/s\",\"type\":\"t\",\"datacontenttype\":\"text/plain\",\"data\":\"world\",\"subject\":\"subject1\"}",
            Structured, new() { ["cloudevent.id"] = "ignored", ["cloudevent.type"] = "ignored" }, traceParent: "trace1"));

        Assert.Equal(("event", "world", "text/plain", "subject1", "t"), (root.Text("id"), root.Text("data"), root.Text("datacontenttype"), root.Text("subject"), root.Text("type")));
        Assert.Equal(("orders", "pubsub", "trace1", "trace1"), (root.Text("topic"), root.Text("pubsubname"), root.Text("traceid"), root.Text("traceparent")));
    }

    [Fact]
    public void E13_CustomFieldsAndTimeKept_DefaultsFilledIn()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"1\",\"customfield\":\"a\",\"time\":\"2021-08-02T09:00:00Z\",\"topic\":\"old\",\"pubsubname\":\"old\"}",
            "Application/CloudEvents+JSON; charset=utf-8", traceParent: "1", traceState: "key=value"));

        Assert.Equal(("a", "orders", "pubsub", "1", "key=value"), (root.Text("customfield"), root.Text("topic"), root.Text("pubsubname"), root.Text("traceparent"), root.Text("tracestate")));
        Assert.Equal(("2021-08-02T09:00:00Z", "Dapr", "com.dapr.event.sent"), (root.Text("time"), root.Text("source"), root.Text("type")));
        Assert.False(root.TryGetProperty("data", out _) || root.TryGetProperty("data_base64", out _));
    }

    [Theory]
    [InlineData("E14 not JSON", "a")]
    [InlineData("E14 broken JSON", "{\"")]
    [InlineData("JSON string", "\"event\"")]
    [InlineData("JSON array", "[{}]")]
    public void E14_BodyNotAJsonObject_IsNotJsonObjectError(string row, string body)
    {
        var result = DaprEnvelope.Create(Make(body, Structured));

        Assert.False(result.IsSuccess, row);
        Assert.Equal(new EnvelopeError(EnvelopeErrorKind.NotJsonObject, "cannot create cloudevent"), result.Error);
    }

    [Fact]
    public void E15_DataBase64Kept_TimeAdded()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data_base64\":\"AQ==\"}", Structured));

        Assert.Equal(("AQ==", "2024-01-01T10:00:00Z"), (root.Text("data_base64"), root.Text("time")));
    }

    [Fact]
    public void E16_ExistingTraceFields_AreKept()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"traceid\":\"e\",\"tracestate\":\"f\",\"traceparent\":\"g\"}", Structured));

        Assert.Equal(("e", "g", "f"), (root.Text("traceid"), root.Text("traceparent"), root.Text("tracestate")));
    }

    [Fact]
    public void E17_MissingTraceFields_ComeFromTheRequest()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"traceparent\":\"stale\"}", Structured, traceParent: "1", traceState: "2"));

        Assert.Equal(("1", "1", "2"), (root.Text("traceid"), root.Text("traceparent"), root.Text("tracestate")));
    }

    [Fact]
    public void NullSourceTypeSpecVersion_AreDefaulted()
    {
        var root = Envelope(Make("{\"specversion\":null,\"id\":\"1\",\"source\":null,\"type\":null}", Structured));

        Assert.Equal(("1.0", "Dapr", "com.dapr.event.sent"), (root.Text("specversion"), root.Text("source"), root.Text("type")));
    }

    [Fact]
    public void Ttl_OverwritesExpiration_AndNumbersKeepPrecision()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"expiration\":\"2000-01-01T00:00:00Z\",\"data\":{\"n\":637831415180045507}}",
            Structured, new() { ["ttl"] = "1h" }));

        Assert.Equal("2024-01-01T11:00:00Z", root.Text("expiration"));
        Assert.Equal("{\"n\":637831415180045507}", root.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("C10 no id after defaults", "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}", "attribute 'id'")]
    [InlineData("C12 wrong specversion", "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}", "attribute 'specversion'")]
    [InlineData("C5 lone surrogate survives rewriting", "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"subject\":\"\\uDEAD\"}", "unpaired surrogate")]
    [InlineData("C2 duplicate member survives rewriting", "{\"specversion\":\"1.0\",\"id\":\"1\",\"id\":\"2\",\"source\":\"/s\",\"type\":\"t\"}", "rule C2")]
    [InlineData("J9 data and data_base64", "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":1,\"data_base64\":\"AQ==\"}", "rule J9")]
    public void BrokenPassthrough_IsInvalidCloudEvent(string row, string body, string expected)
    {
        var result = DaprEnvelope.Create(Make(body, Structured));

        Assert.False(result.IsSuccess, row);
        Assert.Equal(EnvelopeErrorKind.InvalidCloudEvent, result.Error.Kind);
        Assert.Contains(expected, result.Error.Message);
    }

    [Fact]
    public void BinaryMode_IsReadThenPassedThrough()
    {
        var headers = new Dictionary<string, string>
        {
            ["Ce-SpecVersion"] = "1.0", ["ce-id"] = "b1", ["ce-source"] = "/bin", ["ce-type"] = "t", ["ce-subject"] = "a%20b",
        };

        var root = Envelope(Make("{\"x\":1}", "application/json", new() { ["cloudevent.id"] = "ignored" }, headers, traceParent: "tp"));

        Assert.Equal(("b1", "/bin", "a b", "application/json"), (root.Text("id"), root.Text("source"), root.Text("subject"), root.Text("datacontenttype")));
        Assert.Equal(("{\"x\":1}", "orders", "tp"), (root.GetProperty("data").GetRawText(), root.Text("topic"), root.Text("traceid")));
    }

    [Fact]
    public void BinaryMode_WithCeDataContentType_IsInvalidCloudEventNamingHeader()
    {
        var headers = new Dictionary<string, string>
        {
            ["ce-specversion"] = "1.0", ["ce-id"] = "b1", ["ce-source"] = "/bin", ["ce-type"] = "t", ["ce-datacontenttype"] = "text/plain",
        };

        var result = DaprEnvelope.Create(Make("x", "text/plain", ceHeaders: headers));

        Assert.Equal(EnvelopeErrorKind.InvalidCloudEvent, result.Error?.Kind);
        Assert.Contains("'ce-datacontenttype'", result.Error!.Message);
    }

    [Fact]
    public void CeHeadersWithoutSpecVersion_AreNotBinaryMode()
    {
        var root = Envelope(Make("x", "text/plain", ceHeaders: new() { ["ce-id"] = "b1" }));

        Assert.Equal(("x", "com.dapr.event.sent"), (root.Text("data"), root.Text("type")));
        Assert.NotEqual("b1", root.Text("id"));
    }

    [Fact]
    public void StructuredBody_WithCeHeaders_UsesTheBody()
    {
        var root = Envelope(Make("{\"specversion\":\"1.0\",\"id\":\"body\",\"source\":\"/s\",\"type\":\"t\"}", Structured,
            ceHeaders: new() { ["ce-specversion"] = "1.0", ["ce-id"] = "header" }));

        Assert.Equal("body", root.Text("id"));
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
    }
}
