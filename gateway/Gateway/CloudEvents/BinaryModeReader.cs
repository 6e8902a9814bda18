using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Gateway.CloudEvents;

/// <summary>
/// Reads a binary-mode HTTP CloudEvent (H4, H6-H8, H10) into a structured JSON-format event, then runs
/// <see cref="CloudEventValidator"/> on it. Every error names the header it comes from.
/// </summary>
internal static class BinaryModeReader
{
    private const string Prefix = "ce-";
    private static readonly string[] RequiredHeaders = ["ce-specversion", "ce-id", "ce-source", "ce-type"];

    /// <param name="headers">Request headers (names compared case-insensitively); non-<c>ce-</c> headers are ignored.
    /// A header repeated in the request must be passed once per occurrence, so that C2 can be enforced.</param>
    /// <param name="contentType">The Content-Type header, null when absent; it becomes <c>datacontenttype</c> (H6).</param>
    /// <param name="body">The body: the event's data (H7).</param>
    /// <param name="structuredJson">UTF-8 JSON of the equivalent structured event, when successful.</param>
    /// <param name="error">Every problem found, each naming its header; empty when successful.</param>
    public static bool TryRead(
        IEnumerable<KeyValuePair<string, string>> headers,
        string? contentType,
        ReadOnlySpan<byte> body,
        out byte[] structuredJson,
        out string error)
    {
        structuredJson = [];
        var problems = new List<string>();
        var attributes = ReadAttributes(headers, problems);
        foreach (string required in RequiredHeaders)
        {
            if (!attributes.ContainsKey(required[Prefix.Length..]))
            {
                problems.Add($"header '{required}' is required in binary mode (CloudEvents HTTP binding §3, rule H4)");
            }
        }

        if (problems.Count == 0)
        {
            structuredJson = BuildStructured(attributes, contentType, body);
            problems.AddRange(CloudEventValidator.Validate(structuredJson).Select(v => $"header '{HeaderFor(v.Attribute)}': {v.Message}"));
        }

        error = string.Join("; ", problems);
        if (problems.Count > 0)
        {
            structuredJson = [];
        }

        return problems.Count == 0;
    }

    private static Dictionary<string, string> ReadAttributes(IEnumerable<KeyValuePair<string, string>> headers, List<string> problems)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (headerName, rawValue) in headers)
        {
            if (!headerName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string name = headerName[Prefix.Length..].ToLowerInvariant();
            string shown = Prefix + name;
            if (name == CloudEventAttributeNames.DataContentType)
            {
                problems.Add($"header '{shown}' must not be present; Content-Type carries datacontenttype (CloudEvents HTTP binding §3.1.1, rule H6)");
            }
            else if (!CloudEventAttributeNames.IsValidName(name) || name == CloudEventAttributeNames.Data)
            {
                problems.Add($"header '{JsonStringLiteral.ForDisplay(headerName)}' does not name a valid attribute: names consist of a-z and 0-9 and cannot be 'data' (rule C1)");
            }
            else if (attributes.ContainsKey(name))
            {
                problems.Add($"header '{shown}' appears more than once; each attribute appears at most once (rule C2)");
            }
            else if (!HeaderValueCodec.TryDecode(rawValue, out string value, out string decodeError))
            {
                problems.Add($"header '{shown}' cannot be decoded (CloudEvents HTTP binding §3.1.3.2, rule H10): {decodeError}");
            }
            else
            {
                attributes[name] = value;
            }
        }

        return attributes;
    }

    private static byte[] BuildStructured(Dictionary<string, string> attributes, string? contentType, ReadOnlySpan<byte> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CloudEventJsonWriting.WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in attributes)
            {
                writer.WriteString(name, value);
            }

            if (!string.IsNullOrEmpty(contentType))
            {
                writer.WriteString(CloudEventAttributeNames.DataContentType, contentType);
            }

            WriteData(writer, contentType, body);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteData(Utf8JsonWriter writer, string? contentType, ReadOnlySpan<byte> body)
    {
        // An empty body cannot be told apart from "no data"; it is read as no data.
        if (body.IsEmpty)
        {
            return;
        }

        bool utf8 = Utf8.IsValid(body);
        if (utf8 && CloudEventMediaTypes.IsJson(contentType) && CloudEventJsonWriting.TryFindJsonValue(body, out var json))
        {
            CloudEventJsonWriting.WriteRaw(writer, CloudEventAttributeNames.Data, body[json]);
        }
        else if (utf8 && CloudEventMediaTypes.IsText(contentType))
        {
            writer.WriteString(CloudEventAttributeNames.Data, Encoding.UTF8.GetString(body));
        }
        else
        {
            writer.WriteBase64String(CloudEventAttributeNames.DataBase64, body);
        }
    }

    private static string HeaderFor(string attribute) => attribute switch
    {
        CloudEventAttributeNames.DataContentType => "Content-Type",
        CloudEventAttributeNames.Data or CloudEventAttributeNames.DataBase64 or CloudEventViolation.WholeEvent => "(body)",
        _ => Prefix + attribute,
    };
}
