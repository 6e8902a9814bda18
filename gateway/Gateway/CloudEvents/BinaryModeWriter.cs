using System.Text;
using System.Text.Json;
using static Gateway.CloudEvents.CloudEventAttributeNames;

namespace Gateway.CloudEvents;

/// <summary>Turns a structured JSON-format event into binary-mode HTTP parts (H6-H9).</summary>
internal static class BinaryModeWriter
{
    /// <summary>
    /// Writes every attribute as <c>ce-&lt;name&gt;</c> with its canonical string, percent-encoded (H9);
    /// <c>datacontenttype</c> becomes the Content-Type (H6) and the data the body (H7). JSON <c>data</c> with no
    /// <c>datacontenttype</c> gets <c>application/json</c> explicitly (C15); <c>data_base64</c> with none gets no
    /// Content-Type at all ([wip] equivalence). Expects a valid event; throws <see cref="JsonException"/>
    /// when the input is not JSON.
    /// </summary>
    public static BinaryModeMessage Write(ReadOnlySpan<byte> structuredJson)
    {
        using var document = JsonDocument.Parse(structuredJson.ToArray());
        var root = document.RootElement;
        var headers = new List<KeyValuePair<string, string>>();
        string? contentType = null;
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name is Data or DataBase64 || member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            string canonical = CanonicalString(member.Value);
            if (member.Name == DataContentType)
            {
                contentType = canonical;
            }
            else
            {
                headers.Add(new("ce-" + member.Name, HeaderValueCodec.Encode(canonical)));
            }
        }

        byte[] body = [];
        if (root.TryGetProperty(DataBase64, out var base64) && base64.ValueKind == JsonValueKind.String)
        {
            body = base64.GetBytesFromBase64();
        }
        else if (root.TryGetProperty(Data, out var data))
        {
            contentType ??= "application/json";
            bool asText = data.ValueKind == JsonValueKind.String && !CloudEventMediaTypes.IsJson(contentType);
            body = Encoding.UTF8.GetBytes(asText ? data.GetString()! : data.GetRawText());
        }

        return new BinaryModeMessage(headers, contentType, body);
    }

    private static string CanonicalString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
