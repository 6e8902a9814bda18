using System.Text.Json;

namespace Gateway.Publishing;

/// <summary>One entry of a bulk publish body, with its keys read case-insensitively (<c>entryId</c>, <c>entryID</c>).</summary>
internal sealed record BulkPublishEntryJson(string? EntryId, JsonElement Event, string? ContentType, Dictionary<string, string>? Metadata);

/// <summary>
/// Parses a bulk publish body, a JSON array of entries. Errors are worded like Go's <c>encoding/json</c>
/// errors that Dapr returns, so clients that match on them keep working.
/// </summary>
internal static class BulkPublishEntryReader
{
    public static bool TryRead(byte[] body, out List<BulkPublishEntryJson> entries, out string error, out JsonDocument? document)
    {
        entries = [];
        document = null;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = IsAtEnd(ex, body) ? "unexpected EOF" : ex.Message;
            return false;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            error = $"json: cannot unmarshal {GoKind(root.ValueKind)} into Go value of type []http.bulkPublishMessageEntry";
            return false;
        }

        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                error = $"json: cannot unmarshal {GoKind(item.ValueKind)} into Go value of type http.bulkPublishMessageEntry";
                return false;
            }

            if (!TryReadEntry(item, out var entry, out error))
            {
                return false;
            }

            entries.Add(entry);
        }

        error = "";
        return true;
    }

    private static bool TryReadEntry(JsonElement item, out BulkPublishEntryJson entry, out string error)
    {
        string? entryId = null;
        string? contentType = null;
        Dictionary<string, string>? metadata = null;
        var @event = default(JsonElement);
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name.ToLowerInvariant())
            {
                case "entryid" when property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    entryId = property.Value.GetString();
                    break;
                case "event":
                    @event = property.Value;
                    break;
                case "contenttype" when property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    contentType = property.Value.GetString();
                    break;
                case "metadata" when property.Value.ValueKind == JsonValueKind.Object:
                    metadata = [];
                    foreach (var pair in property.Value.EnumerateObject())
                    {
                        if (pair.Value.ValueKind != JsonValueKind.String)
                        {
                            entry = null!;
                            error = $"json: cannot unmarshal {GoKind(pair.Value.ValueKind)} into Go value of type string";
                            return false;
                        }

                        metadata[pair.Name] = pair.Value.GetString()!;
                    }

                    break;
                case "metadata" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "entryid" or "contenttype" or "metadata":
                    entry = null!;
                    error = $"json: cannot unmarshal {GoKind(property.Value.ValueKind)} into Go struct field bulkPublishMessageEntry.{property.Name}";
                    return false;
            }
        }

        entry = new BulkPublishEntryJson(entryId, @event, contentType, metadata);
        error = "";
        return true;
    }

    private static bool IsAtEnd(JsonException ex, byte[] body) =>
        ex.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("end of the JSON", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("incomplete", StringComparison.OrdinalIgnoreCase)
        || body.AsSpan().Trim((byte)' ').Length == 0;

    private static string GoKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
