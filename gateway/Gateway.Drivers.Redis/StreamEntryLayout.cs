using System.Text;
using System.Text.Json;
using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Redis;

/// <summary>
/// How a message is kept in a stream entry, as Dapr keeps it: field <c>data</c> holds the bytes
/// unchanged and field <c>metadata</c> a JSON object of the publish metadata (<c>{}</c> when empty).
/// One addition: field <c>contentType</c>, written only when the publisher named one, so the content
/// type survives the trip as the driver contract promises. Dapr reads fields by name and ignores
/// it; entries written by Dapr have none, and read back with a null content type.
/// </summary>
internal static class StreamEntryLayout
{
    public const string DataField = "data";
    public const string MetadataField = "metadata";
    public const string ContentTypeField = "contentType";

    // What most publishes write, encoded once: no metadata.
    private static readonly ReadOnlyMemory<byte> EmptyMetadata = "{}"u8.ToArray();

    public static StreamAddition ToAddition(PublishRequest request, StreamTrim trim)
    {
        var metadata = request.Metadata is not { Count: > 0 } given
            ? EmptyMetadata
            : JsonSerializer.SerializeToUtf8Bytes(given, RedisJsonContext.Default.IReadOnlyDictionaryStringString);
        var fields = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>(3)
        {
            new(DataField, request.Data),
            new(MetadataField, metadata),
        };
        if (!string.IsNullOrEmpty(request.ContentType))
        {
            fields.Add(new(ContentTypeField, ContentTypeBytes.Of(request.ContentType)));
        }

        return new StreamAddition(request.Topic, trim, fields);
    }

    /// <summary>Reads an entry back; a <c>metadata</c> field that is not a JSON object of strings reads as no metadata.</summary>
    public static BrokerMessage ToMessage(string topic, StreamEntry entry, int deliveryCount)
    {
        var contentType = entry.Field(ContentTypeField) is { } type ? Encoding.UTF8.GetString(type.Span) : null;
        return new BrokerMessage(entry.Id, topic, entry.Field(DataField) ?? ReadOnlyMemory<byte>.Empty, contentType, ReadMetadata(entry), deliveryCount);
    }

    private static IReadOnlyDictionary<string, string> ReadMetadata(StreamEntry entry)
    {
        if (entry.Field(MetadataField) is not { Length: > 0 } json)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            return JsonSerializer.Deserialize(json.Span, RedisJsonContext.Default.DictionaryStringString) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }
}
