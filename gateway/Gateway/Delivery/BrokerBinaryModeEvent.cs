using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Gateway.CloudEvents;
using Gateway.Drivers;
using static Gateway.CloudEvents.CloudEventAttributeNames;
using static Gateway.CloudEvents.DaprEnvelopeDefaults;

namespace Gateway.Delivery;

/// <summary>
/// A binary-mode CloudEvent as brokers hold it since Dapr v1.17 (Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events, decode step):
/// content type <c>application/octet-stream</c>, the attributes in metadata keys starting with <c>ce_</c>,
/// the data as the raw bytes. Rebuilt here as a structured JSON event so that the app always receives
/// <c>application/cloudevents+json</c>.
/// </summary>
internal static class BrokerBinaryModeEvent
{
    private const string Prefix = "ce_";
    private const string BinaryContentType = "application/octet-stream";

    /// <summary>True when the broker stored the message with the binary-mode content type (parameters and case ignored).</summary>
    public static bool Applies(BrokerMessage message) =>
        MediaTypeGrammar.Essence(message.ContentType) == BinaryContentType;

    /// <summary>
    /// The structured event: every <c>ce_</c> key (prefix matched case-insensitively and removed, name
    /// lower-cased) as a string attribute; <c>datacontenttype</c> from <c>ce_datacontenttype</c>, else the
    /// message's content type; the data as JSON when that type is JSON and the bytes are JSON, as a string
    /// when it is text, otherwise as <c>data_base64</c>. <c>topic</c> and <c>pubsubname</c> are added when
    /// the metadata does not carry them, as every other event the gateway delivers has them.
    /// </summary>
    public static byte[] Rebuild(BrokerMessage message, string topic, string pubsubName)
    {
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in message.Metadata)
        {
            if (key.Length > Prefix.Length && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = key[Prefix.Length..].ToLowerInvariant();
                if (name is not (Data or DataBase64))
                {
                    attributes.TryAdd(name, value);
                }
            }
        }

        attributes.TryAdd(DataContentType, message.ContentType ?? BinaryContentType);
        attributes.TryAdd(Topic, topic);
        attributes.TryAdd(PubsubName, pubsubName);

        return CloudEventJsonWriting.ToArray((attributes, message), static (writer, state) =>
        {
            var (attributes, message) = state;
            writer.WriteStartObject();
            foreach (var (name, value) in attributes)
            {
                writer.WriteString(name, value);
            }

            WriteData(writer, attributes[DataContentType], message.Data.Span);
            writer.WriteEndObject();
        });
    }

    private static void WriteData(Utf8JsonWriter writer, string contentType, ReadOnlySpan<byte> data)
    {
        var utf8 = Utf8.IsValid(data);
        if (utf8 && CloudEventMediaTypes.IsJson(contentType) && CloudEventJsonWriting.TryFindJsonValue(data, out var json))
        {
            CloudEventJsonWriting.WriteRaw(writer, Data, data[json]);
        }
        else if (utf8 && CloudEventMediaTypes.IsText(contentType))
        {
            writer.WriteString(Data, Encoding.UTF8.GetString(data));
        }
        else
        {
            writer.WriteBase64String(DataBase64, data);
        }
    }
}
