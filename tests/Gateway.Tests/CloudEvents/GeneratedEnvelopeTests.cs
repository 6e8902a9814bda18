using System.Text;
using System.Text.Json;
using Gateway.CloudEvents;
using static Gateway.Tests.CloudEvents.EnvelopeRequests;

namespace Gateway.Tests.CloudEvents;

public sealed class GeneratedEnvelopeTests
{
    [Fact]
    public void E1_DefaultsAndOverrides_FromMetadata()
    {
        var metadata = new Dictionary<string, string> { ["cloudevent.type"] = "custom-type", ["CloudEvent.Subject"] = "custom-subject" };

        var root = Envelope(Make("hello", "", metadata, appId: "a", traceParent: "d"));

        Assert.True(Guid.TryParse(root.Text("id"), out var id) && id.Version == 4);
        Assert.Equal(("a", "\"hello\"", "text/plain", "d", "d"), (root.Text("source"), root.GetProperty("data").GetRawText(), root.Text("datacontenttype"), root.Text("traceid"), root.Text("traceparent")));
        Assert.Equal(("custom-type", "custom-subject", "1.0"), (root.Text("type"), root.Text("subject"), root.Text("specversion")));
        Assert.Equal(("orders", "pubsub", ""), (root.Text("topic"), root.Text("pubsubname"), root.Text("tracestate")));
        Assert.Equal("2024-01-01T10:00:00Z", root.Text("time"));
    }

    [Fact]
    public void E2_EmptyAppIdAndBody_GiveDaprSourceAndEmptyStringData()
    {
        var root = Envelope(Make("", null, new() { ["cloudevent.id"] = "testid", ["cloudevent.type"] = "" }, appId: ""));

        Assert.Equal(("testid", "Dapr", "", "text/plain", "com.dapr.event.sent"),
            (root.Text("id"), root.Text("source"), root.Text("data"), root.Text("datacontenttype"), root.Text("type")));
        Assert.False(root.TryGetProperty("subject", out _));
    }

    [Fact]
    public void E3_OverridesApply_ButTopicPubsubDataAndContentTypeCannotBeOverridden()
    {
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.topic"] = "t2", ["cloudevent.pubsub"] = "p2", ["cloudevent.data"] = "d2", ["cloudevent.datacontenttype"] = "text/csv",
            ["cloudevent.source"] = "/override", ["cloudevent.id"] = "oid", ["cloudevent.type"] = "otype", ["cloudevent.subject"] = "osub",
            ["cloudevent.traceparent"] = "overridetraceparent", ["cloudevent.tracestate"] = "overridetracestate",
        };

        var root = Envelope(Make("body", "text/plain", metadata, traceParent: "ignored", traceState: "ignored"));

        Assert.Equal(("orders", "pubsub", "body", "text/plain"), (root.Text("topic"), root.Text("pubsubname"), root.Text("data"), root.Text("datacontenttype")));
        Assert.Equal(("/override", "oid", "otype", "osub"), (root.Text("source"), root.Text("id"), root.Text("type"), root.Text("subject")));
        Assert.Equal(("overridetraceparent", "overridetraceparent", "overridetracestate"), (root.Text("traceid"), root.Text("traceparent"), root.Text("tracestate")));
    }

    [Fact]
    public void TraceIdOverride_IsUsedWhenNoTraceParentOverride()
    {
        var root = Envelope(Make("x", "text/plain", new() { ["cloudevent.traceid"] = "tid" }, traceParent: "span"));

        Assert.Equal(("tid", "tid"), (root.Text("traceid"), root.Text("traceparent")));
    }

    [Theory]
    [InlineData("E5 xml", "application/xml", "<root/>", "data", "\"<root/>\"")]
    [InlineData("E6 no content type", null, "<root/>", "data", "\"<root/>\"")]
    [InlineData("E7 json object", "application/json", "{\"Val1\":\"test\",\"Val2\":1}", "data", "{\"Val1\":\"test\",\"Val2\":1}")]
    [InlineData("E8 big number kept exact", "application/json", "{\"Val2\":637831415180045507}", "data", "{\"Val2\":637831415180045507}")]
    [InlineData("E9 json string, verbatim content type", "application/JSON; charset=utf-8", "\"message\"", "data", "\"message\"")]
    [InlineData("E10 csv without content type", null, "v1,v2,v3", "data", "\"v1,v2,v3\"")]
    [InlineData("E11 octet-stream", "application/octet-stream", "\u0001", "data_base64", "\"AQ==\"")]
    [InlineData("E12 cloudevents protobuf", "application/cloudevents+protobuf", "\u0001", "data_base64", "\"AQ==\"")]
    [InlineData("E12 x-protobuf", "application/x-protobuf", "\u0001", "data_base64", "\"AQ==\"")]
    [InlineData("json body not JSON", "application/json", "{oops", "data", "\"{oops\"")]
    [InlineData("json empty body", "application/json", "", "data", "\"\"")]
    [InlineData("json with surrounding whitespace", "application/json", " [1, 2] ", "data", "[1, 2]")]
    [InlineData("plus-json is JSON per J7", "application/problem+json", "{\"a\":1.50}", "data", "{\"a\":1.50}")]
    [InlineData("text/json is JSON per J7", "text/json", "true", "data", "true")]
    [InlineData("form data is a string", "application/x-www-form-urlencoded", "a=1&b=2", "data", "\"a=1&b=2\"")]
    [InlineData("text with charset", "text/plain; charset=utf-8", "Euro € 😀", "data", "\"Euro € 😀\"")]
    [InlineData("batch media type is JSON", "application/cloudevents-batch+json", "[]", "data", "[]")]
    public void DataPlacement_FollowsTable_AndEnvelopeIsValid(string row, string? contentType, string body, string member, string expectedRaw)
    {
        var root = Envelope(Make(body, contentType));

        Assert.True(root.TryGetProperty(member, out var value), row);
        // Strings are compared decoded (the writer may escape astral characters); other values by exact text.
        bool isString = value.ValueKind == JsonValueKind.String;
        string actual = isString ? value.GetString()! : value.GetRawText();
        string expected = isString ? JsonSerializer.Deserialize<string>(expectedRaw)! : expectedRaw;
        Assert.Equal(expected, actual);
        Assert.False(root.TryGetProperty(member == "data" ? "data_base64" : "data", out _), row);
        Assert.Equal(string.IsNullOrEmpty(contentType) ? "text/plain" : contentType, root.Text("datacontenttype"));
    }

    [Fact]
    public void InvalidUtf8Body_WithTextType_BecomesReplacementCharacters()
    {
        var request = Make("", "text/plain") with { Body = new byte[] { 0x61, 0xC0, 0x62 } };

        Assert.Equal("a\uFFFDb", Envelope(request).Text("data"));
    }

    [Theory]
    [InlineData("C14 content type not a media type", "xyz", null, "datacontenttype")]
    [InlineData("C5 override with control character", "text/plain", "cloudevent.subject", "subject")]
    [InlineData("C11 override source not a URI-reference", "text/plain", "cloudevent.source", "source")]
    public void PublisherSuppliedValues_BreakingARule_AreRejected(string row, string contentType, string? overrideKey, string attribute)
    {
        var metadata = new Dictionary<string, string>();
        if (overrideKey is not null)
        {
            metadata[overrideKey] = overrideKey.EndsWith("source") ? ":bad" : "a\u0001";
        }

        var result = DaprEnvelope.Create(Make("x", contentType, metadata));

        Assert.False(result.IsSuccess, row);
        Assert.Equal(EnvelopeErrorKind.InvalidCloudEvent, result.Error.Kind);
        Assert.Contains($"attribute '{attribute}'", result.Error.Message);
    }

    // Publisher-supplied strings that break (or nearly break) a rule, one row per place they land.
    [Theory]
    [InlineData("plain", "orders", "pubsub", "text/plain", "", "")]
    [InlineData("topic with control character", "or\u0001ders", "pubsub", "text/plain", "", "")]
    [InlineData("topic with noncharacter", "orders\uFFFE", "pubsub", "text/plain", "", "")]
    [InlineData("pubsub with DEL", "orders", "pub\u007Fsub", "text/plain", "", "")]
    [InlineData("content type not a media type", "orders", "pubsub", "text", "", "")]
    [InlineData("content type with control character", "orders", "pubsub", "text/plain;a=\u0002", "", "")]
    [InlineData("empty content type", "orders", "pubsub", "", "", "")]
    [InlineData("id override with control character", "orders", "pubsub", "text/plain", "cloudevent.id", "a\u0003")]
    [InlineData("source override relative reference", "orders", "pubsub", "text/plain", "cloudevent.source", "/a/b")]
    [InlineData("source override not a URI-reference", "orders", "pubsub", "text/plain", "cloudevent.source", "a b")]
    [InlineData("type override with noncharacter", "orders", "pubsub", "text/plain", "cloudevent.type", "t\uFDD0")]
    [InlineData("subject override", "orders", "pubsub", "text/plain", "CloudEvent.Subject", "s")]
    [InlineData("traceid override with control character", "orders", "pubsub", "text/plain", "cloudevent.traceid", "\u001F")]
    [InlineData("traceparent override", "orders", "pubsub", "text/plain", "cloudevent.traceparent", "00-x")]
    [InlineData("tracestate override with control character", "orders", "pubsub", "text/plain", "cloudevent.tracestate", "k=\u0000")]
    [InlineData("several at once", "t\u0001", "p\u0002", "nope", "cloudevent.source", "a b")]
    public void StringChecks_GiveTheValidatorsAnswerForTheWholeEnvelope(
        string row, string topic, string pubsub, string contentType, string overrideKey, string overrideValue)
    {
        var metadata = new Dictionary<string, string>();
        if (overrideKey.Length > 0)
        {
            metadata[overrideKey] = System.Text.RegularExpressions.Regex.Unescape(overrideValue);
        }

        var request = new EnvelopeRequest(
            Encoding.UTF8.GetBytes("{\"a\":1}"), contentType.Length == 0 ? null : System.Text.RegularExpressions.Regex.Unescape(contentType),
            null, "checkout", System.Text.RegularExpressions.Regex.Unescape(pubsub), System.Text.RegularExpressions.Regex.Unescape(topic),
            metadata, "", "", Now);

        var expected = CloudEventValidator.Validate(GeneratedEnvelope.WriteUnchecked(request));
        var result = GeneratedEnvelope.Create(request);

        if (expected.Count == 0)
        {
            Assert.True(result.IsSuccess, $"{row}: {result.Error?.Message}");
            Assert.Empty(CloudEventValidator.Validate(result.Bytes));
        }
        else
        {
            Assert.False(result.IsSuccess, row);
            Assert.Equal(string.Join("; ", expected.Select(v => v.Message)), result.Error.Message);
        }
    }

    [Fact]
    public void Ttl_AddsExpiration()
    {
        var root = Envelope(Make("x", "text/plain", new() { ["TTLInSeconds"] = "90" }));

        Assert.Equal("2024-01-01T10:01:30Z", root.Text("expiration"));
    }

    [Fact]
    public void NoTtl_NoExpiration() =>
        Assert.False(Envelope(Make("x", "text/plain")).TryGetProperty("expiration", out _));

    [Fact]
    public void Output_IsUtf8JsonWithReadableText() =>
        Assert.Contains("\"data\":\"Euro €\"", Encoding.UTF8.GetString(DaprEnvelope.Create(Make("Euro €", "text/plain")).Bytes!));
}
