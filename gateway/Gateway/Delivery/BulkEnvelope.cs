using System.Text.Json;
using Gateway.CloudEvents;

namespace Gateway.Delivery;

/// <summary>
/// The body of one bulk delivery (Dapr's bulk subscribe, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/):
/// <c>{"id","type":"com.dapr.event.sent.bulk","topic","pubsubname","metadata","entries":[{"entryId","event","metadata","contentType"}]}</c>.
/// A CloudEvent entry carries the event as a JSON object with <c>application/cloudevents+json</c>; a raw entry
/// carries the bytes as a base64 string with <c>application/octet-stream</c>.
/// </summary>
internal static class BulkEnvelope
{
    public const string EventType = "com.dapr.event.sent.bulk";

    /// <summary>The envelope is plain JSON, not a CloudEvent; the Dapr JS SDK parses it as such.</summary>
    public const string ContentType = "application/json";

    public static byte[] Write(string topic, string pubsubName, IEnumerable<BulkEntry> entries)
    {
        return CloudEventJsonWriting.ToArray((topic, pubsubName, entries), static (writer, state) =>
        {
            var (topic, pubsubName, entries) = state;
            writer.WriteStartObject();
            writer.WriteString("id", Guid.NewGuid().ToString());
            writer.WriteString("type", EventType);
            writer.WriteString("topic", topic);
            writer.WriteString("pubsubname", pubsubName);
            writer.WriteStartObject("metadata");
            writer.WriteEndObject();
            writer.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("entryId", entry.EntryId);
                if (entry.Raw)
                {
                    writer.WriteBase64String("event", entry.Event.Span);
                }
                else
                {
                    writer.WritePropertyName("event");
                    writer.WriteRawValue(entry.Event.Span, skipInputValidation: false);
                }

                writer.WriteStartObject("metadata");
                foreach (var (key, value) in entry.Metadata)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
                writer.WriteString("contentType", entry.Raw ? "application/octet-stream" : CloudEventMediaTypes.Structured);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
