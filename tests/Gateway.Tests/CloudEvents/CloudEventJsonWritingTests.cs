using System.Text;
using System.Text.Json;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public class CloudEventJsonWritingTests
{
    /// <summary>Bodies at the edges of "exactly one JSON value": what a publisher may send as JSON data.</summary>
    public static TheoryData<string> Bodies => new()
    {
        "{\"a\":1}", "  {\"a\":[1,2,{\"b\":null}]}  \r\n", "[]", "\"text\"", "637831415180045507", "-0.5e10", "true", "null",
        "\t\"with \\\"escapes\\\" and \\u00e9\"\n", "\"é ü 中\"",
        "", "   ", "{", "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "1 2", "{\"a\":1,}", "[1,]", "{\"a\":1} // note",
        "/* c */ {\"a\":1}", "\"bad \\x escape\"", "\"unterminated", "01", "NaN", "{'a':1}", "\u00ef\u00bb\u00bf{}",
        new string('[', 64) + new string(']', 64), new string('[', 65) + new string(']', 65), "{\"a\":1,\"a\":2}",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void TryFindJsonValue_AgreesWithJsonDocument(string body)
    {
        var utf8 = body.StartsWith('\u00ef') ? [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'] : Encoding.UTF8.GetBytes(body);
        string? expected;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            expected = document.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            expected = null;
        }

        var found = CloudEventJsonWriting.TryFindJsonValue(utf8, out var value);

        Assert.Equal(expected is not null, found);
        if (found)
        {
            Assert.Equal(expected, Encoding.UTF8.GetString(utf8.AsSpan()[value]));
        }
    }

    [Fact]
    public void ToArray_WritesEachDocumentWhole_WhenTheThreadsBufferIsReused()
    {
        var large = new string('x', 100_000);
        var first = CloudEventJsonWriting.ToArray("a", static (w, s) => { w.WriteStartObject(); w.WriteString("k", s); w.WriteEndObject(); });
        var big = CloudEventJsonWriting.ToArray(large, static (w, s) => { w.WriteStartObject(); w.WriteString("k", s); w.WriteEndObject(); });
        var nested = CloudEventJsonWriting.ToArray("outer", static (w, s) =>
        {
            var inner = CloudEventJsonWriting.ToArray("inner", static (w2, s2) => w2.WriteStringValue(s2));
            w.WriteStartObject();
            w.WriteString("k", s);
            w.WritePropertyName("inner");
            w.WriteRawValue(inner);
            w.WriteEndObject();
        });
        var afterThrow = Record.Exception(() => CloudEventJsonWriting.ToArray(0, static (w, _) =>
        {
            w.WriteStartObject();
            throw new InvalidOperationException("half written");
        }));
        var last = CloudEventJsonWriting.ToArray("b", static (w, s) => { w.WriteStartObject(); w.WriteString("k", s); w.WriteEndObject(); });

        Assert.Equal("{\"k\":\"a\"}", Encoding.UTF8.GetString(first));
        Assert.Equal($"{{\"k\":\"{large}\"}}", Encoding.UTF8.GetString(big));
        Assert.Equal("{\"k\":\"outer\",\"inner\":\"inner\"}", Encoding.UTF8.GetString(nested));
        Assert.IsType<InvalidOperationException>(afterThrow);
        Assert.Equal("{\"k\":\"b\"}", Encoding.UTF8.GetString(last));
    }
}
