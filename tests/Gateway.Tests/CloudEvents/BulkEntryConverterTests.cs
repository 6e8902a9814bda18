using System.Text;
using System.Text.Json;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class BulkEntryConverterTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Theory]
    [InlineData("application/octet-stream", "\"AQID\"", "\u0001\u0002\u0003")]
    [InlineData("text/plain", "\"hello\"", "hello")]
    [InlineData("text/xml", "\"<a/>\"", "<a/>")]
    [InlineData("application/xml", "\"<a/>\"", "<a/>")]
    [InlineData("application/json", "{\"n\":637831415180045507}", "{\"n\":637831415180045507}")]
    [InlineData("application/json", "\"s\"", "\"s\"")]
    [InlineData("Application/JSON; charset=utf-8", "[1,2]", "[1,2]")]
    [InlineData("application/cloudevents+json", "{\"id\":\"1\"}", "{\"id\":\"1\"}")]
    [InlineData("application/problem+json", "{}", "{}")]
    public void TryConvert_EventFitsContentType_GivesBytes(string contentType, string eventJson, string expected)
    {
        Assert.True(BulkEntryConverter.TryConvert(Json(eventJson), contentType, out var bytes, out var error), error);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
    }

    [Theory]
    [InlineData("text/xml", "{\"a\":1}")]
    [InlineData("text/plain", "1")]
    [InlineData("application/octet-stream", "{}")]
    [InlineData("application/x-www-form-urlencoded", "\"a=1\"")]
    [InlineData("", "\"x\"")]
    [InlineData(null, "\"x\"")]
    public void TryConvert_Mismatch_GivesDaprError(string? contentType, string eventJson)
    {
        Assert.False(BulkEntryConverter.TryConvert(Json(eventJson), contentType, out var bytes, out var error));
        Assert.Equal("error: mismatch between contentType and event", error);
        Assert.Empty(bytes);
    }

    [Theory]
    [InlineData("\"AQ=\"", 0)]
    [InlineData("\"AQ*=\"", 2)]
    [InlineData("\"x\"", 0)]
    public void TryConvert_BadBase64_GivesDaprDecodeError(string eventJson, int index)
    {
        Assert.False(BulkEntryConverter.TryConvert(Json(eventJson), "application/octet-stream", out _, out var error));
        Assert.Equal($"error: unable to decode base64 application/octect-stream data: illegal base64 data at input byte {index}", error);
    }
}
