using System.Text.Json;
using static Gateway.CloudEvents.CloudEventAttributeNames;
using static Gateway.CloudEvents.DaprEnvelopeDefaults;

namespace Gateway.CloudEvents;

/// <summary>
/// The CloudEvent Dapr synthesises around a raw broker message for a <c>rawPayload=true</c> subscription
/// (dapr-pubsub spec §4.5, decode step). A new id is made on every call, so every redelivery gets one too.
/// </summary>
internal static class RawPayloadEnvelope
{
    /// <summary>
    /// <c>{id, specversion 1.0, datacontenttype application/octet-stream, source Dapr, type com.dapr.event.sent,
    /// topic, pubsubname, data_base64}</c>, plus <c>traceid</c> and <c>traceparent</c> (both the trace parent) and
    /// <c>tracestate</c> when given. Adds <c>time</c> = <paramref name="now"/>, which Dapr omits; it is an
    /// optional attribute and tells the app when the gateway read the message.
    /// </summary>
    public static byte[] Create(ReadOnlySpan<byte> raw, string topic, string pubsubName, string? traceParent, string? traceState, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CloudEventJsonWriting.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(Id, Guid.NewGuid().ToString());
            writer.WriteString(SpecVersion, SupportedSpecVersion);
            writer.WriteString(DataContentType, "application/octet-stream");
            writer.WriteString(Source, DefaultSource);
            writer.WriteString(EventType, DefaultEventType);
            writer.WriteString(Time, Rfc3339Timestamp.FormatSecondsUtc(now));
            writer.WriteString(Topic, topic);
            writer.WriteString(PubsubName, pubsubName);
            if (!string.IsNullOrEmpty(traceParent))
            {
                writer.WriteString(TraceId, traceParent);
                writer.WriteString(TraceParent, traceParent);
            }

            if (!string.IsNullOrEmpty(traceState))
            {
                writer.WriteString(TraceState, traceState);
            }

            writer.WriteBase64String(DataBase64, raw);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
