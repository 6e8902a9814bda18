using System.Text.Json;

namespace Gateway.Delivery;

/// <summary>Parses a broker message as a JSON CloudEvent once, for every check delivery makes on it.</summary>
internal static class CloudEventJson
{
    /// <summary>The parsed document when <paramref name="data"/> is a JSON object; null otherwise. The caller disposes it.</summary>
    public static JsonDocument? TryParseObject(ReadOnlyMemory<byte> data)
    {
        try
        {
            var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
