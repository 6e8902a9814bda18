using System.Text;
using System.Text.Json;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class BinaryModeReaderTests
{
    private static Dictionary<string, string> Required(params (string Name, string Value)[] extra)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ce-specversion"] = "1.0",
            ["CE-Id"] = "A234-1234-1234",
            ["ce-source"] = "/mycontext",
            ["Ce-Type"] = "com.example.someevent",
            ["Accept"] = "*/*",
        };
        foreach (var (name, value) in extra)
        {
            headers[name] = value;
        }

        return headers;
    }

    private static JsonElement ReadOk(Dictionary<string, string> headers, string? contentType, byte[] body)
    {
        Assert.True(BinaryModeReader.TryRead(headers, contentType, body, out var json, out var error), error);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    [Fact]
    public void TryRead_HeadersCaseInsensitive_BecomeLowerCaseAttributes()
    {
        var root = ReadOk(Required(("CE-SUBJECT", "Euro%20%E2%82%AC")), null, []);

        Assert.Equal("A234-1234-1234", root.GetProperty("id").GetString());
        Assert.Equal("com.example.someevent", root.GetProperty("type").GetString());
        Assert.Equal("Euro €", root.GetProperty("subject").GetString());
        Assert.False(root.TryGetProperty("accept", out _));
        Assert.False(root.TryGetProperty("data", out _));
    }

    [Fact]
    public void TryRead_JsonContentType_BodyBecomesJsonData()
    {
        var root = ReadOk(Required(), "application/json", Encoding.UTF8.GetBytes("{\"n\":637831415180045507}"));

        Assert.Equal("{\"n\":637831415180045507}", root.GetProperty("data").GetRawText());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
    }

    [Fact]
    public void TryRead_JsonStringBody_IncludingQuotes_StaysAString()
    {
        var root = ReadOk(Required(), "application/json", Encoding.UTF8.GetBytes("\"I'm just a string\""));

        Assert.Equal("I'm just a string", root.GetProperty("data").GetString());
    }

    [Theory]
    [InlineData("text/plain", "hello")]
    [InlineData("application/xml", "<much wow=\"xml\"/>")]
    public void TryRead_TextContentType_BodyBecomesStringData(string contentType, string body) =>
        Assert.Equal(body, ReadOk(Required(), contentType, Encoding.UTF8.GetBytes(body)).GetProperty("data").GetString());

    [Theory]
    [InlineData("application/octet-stream", new byte[] { 1 }, "AQ==")]
    [InlineData("application/json", new byte[] { (byte)'{' }, "ew==")]        // JSON type, body not JSON
    [InlineData("text/plain", new byte[] { 0xC0, 0xA0 }, "wKA=")]             // text type, not UTF-8
    [InlineData(null, new byte[] { (byte)'h', (byte)'i' }, "aGk=")]           // no Content-Type: no JSON assumed
    public void TryRead_OtherBodies_BecomeDataBase64(string? contentType, byte[] body, string expectedBase64)
    {
        var root = ReadOk(Required(), contentType, body);

        Assert.Equal(expectedBase64, root.GetProperty("data_base64").GetString());
        Assert.False(root.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("ce-specversion")]
    [InlineData("CE-Id")]
    [InlineData("ce-source")]
    [InlineData("Ce-Type")]
    public void TryRead_H4_MissingRequiredHeader_IsNamed(string header)
    {
        var headers = Required();
        headers.Remove(header);

        Assert.False(BinaryModeReader.TryRead(headers, null, [], out var json, out var error));
        Assert.Contains($"header '{header.ToLowerInvariant()}' is required", error);
        Assert.Empty(json);
    }

    [Theory]
    [InlineData("H6 ce-datacontenttype present", "ce-datacontenttype", "text/plain", "rule H6")]
    [InlineData("H10 overlong UTF-8", "ce-subject", "%C0%A0", "rule H10")]
    [InlineData("C1 bad attribute name", "ce-my_ext", "x", "rule C1")]
    [InlineData("C1 data is reserved", "ce-data", "x", "rule C1")]
    [InlineData("C18 bad time", "ce-time", "2020-13-01T00:00:00Z", "header 'ce-time': attribute 'time'")]
    [InlineData("C5 control character", "ce-subject", "%01", "header 'ce-subject'")]
    public void TryRead_BrokenHeader_ErrorNamesHeaderAndRule(string rule, string header, string value, string expected)
    {
        Assert.False(BinaryModeReader.TryRead(Required((header, value)), null, [], out _, out var error), rule);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryRead_C2_SameHeaderInTwoSpellings_IsRejected()
    {
        var headers = new List<KeyValuePair<string, string>>(Required()) { new("CE-ID", "other") };

        Assert.False(BinaryModeReader.TryRead(headers, null, [], out _, out var error));
        Assert.Contains("rule C2", error);
    }

    [Fact]
    public void TryRead_C14_InvalidContentType_NamesContentTypeHeader()
    {
        Assert.False(BinaryModeReader.TryRead(Required(), "xyz", [1], out _, out var error));
        Assert.Contains("header 'Content-Type': attribute 'datacontenttype'", error);
    }
}
