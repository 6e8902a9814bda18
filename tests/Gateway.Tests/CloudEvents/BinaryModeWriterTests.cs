using System.Text;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class BinaryModeWriterTests
{
    private const string Attributes = "\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"";

    private static BinaryModeMessage Write(string members) => BinaryModeWriter.Write(Encoding.UTF8.GetBytes("{" + Attributes + members + "}"));

    [Fact]
    public void Write_AttributesBecomeEncodedCeHeaders()
    {
        var message = Write(",\"subject\":\"Euro € 😀\",\"count\":42,\"flag\":true,\"gone\":null");

        var headers = message.Headers.ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("Euro%20%E2%82%AC%20%F0%9F%98%80", headers["ce-subject"]);
        Assert.Equal("42", headers["ce-count"]);
        Assert.Equal("true", headers["ce-flag"]);
        Assert.Equal("1.0", headers["ce-specversion"]);
        Assert.False(headers.ContainsKey("ce-gone"));
        Assert.Empty(message.Body);
    }

    [Fact]
    public void Write_XmlStringData_BodyIsTheTextAndContentTypeTheDataContentType()
    {
        var message = Write(",\"datacontenttype\":\"application/xml\",\"data\":\"<much wow=\\\"xml\\\"/>\"");

        Assert.Equal("application/xml", message.ContentType);
        Assert.Equal("<much wow=\"xml\"/>", Encoding.UTF8.GetString(message.Body));
        Assert.DoesNotContain(message.Headers, h => h.Key == "ce-datacontenttype");
    }

    [Fact]
    public void Write_StringDataWithoutContentType_IsJsonWithQuotes()
    {
        var message = Write(",\"data\":\"I'm just a string\"");

        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("\"I'm just a string\"", Encoding.UTF8.GetString(message.Body));
    }

    [Fact]
    public void Write_NumberData_BodyIsTheNumberText() =>
        Assert.Equal("1.5", Encoding.UTF8.GetString(Write(",\"datacontenttype\":\"application/json\",\"data\":1.5").Body));

    [Fact]
    public void Write_DataBase64WithoutContentType_HasNoContentType()
    {
        var message = Write(",\"data_base64\":\"AQI=\"");

        Assert.Null(message.ContentType);
        Assert.Equal(new byte[] { 1, 2 }, message.Body);
    }

    [Fact]
    public void WriteThenRead_RoundTripsTheEvent()
    {
        var message = Write(",\"subject\":\"a b\",\"datacontenttype\":\"application/json\",\"data\":{\"x\":[1,2]}");

        Assert.True(BinaryModeReader.TryRead(message.Headers, message.ContentType, message.Body, out var json, out var error), error);
        Assert.Empty(CloudEventValidator.Validate(json));
        Assert.Contains("\"data\":{\"x\":[1,2]}", Encoding.UTF8.GetString(json));
        Assert.Contains("\"subject\":\"a b\"", Encoding.UTF8.GetString(json));
    }
}
