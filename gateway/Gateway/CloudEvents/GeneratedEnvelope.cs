using System.Text.Json;
using static Gateway.CloudEvents.DaprEnvelopeDefaults;

namespace Gateway.CloudEvents;

/// <summary>Case 3 of dapr-pubsub spec §2.6: the body is not a CloudEvent, so Dapr wraps it in one.</summary>
internal static class GeneratedEnvelope
{
    public static EnvelopeResult Create(EnvelopeRequest request)
    {
        var overrides = CloudEventMetadataOverrides.From(request.Metadata);
        string source = overrides.Source ?? request.AppId;
        string traceParent = overrides.TraceParent ?? overrides.TraceId ?? request.TraceParent;
        string contentType = string.IsNullOrEmpty(request.ContentType) ? DaprEnvelopeDefaults.DefaultContentType : request.ContentType;

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CloudEventJsonWriting.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(CloudEventAttributeNames.SpecVersion, CloudEventAttributeNames.SupportedSpecVersion);
            writer.WriteString(CloudEventAttributeNames.Id, overrides.Id ?? Guid.NewGuid().ToString());
            writer.WriteString(CloudEventAttributeNames.Source, source.Length == 0 ? DaprEnvelopeDefaults.DefaultSource : source);
            writer.WriteString(CloudEventAttributeNames.EventType, overrides.Type ?? DaprEnvelopeDefaults.DefaultEventType);
            writer.WriteString(CloudEventAttributeNames.DataContentType, contentType);
            writer.WriteString(CloudEventAttributeNames.Time, Rfc3339Timestamp.FormatSecondsUtc(request.Now));
            if (overrides.Subject is not null)
            {
                writer.WriteString(CloudEventAttributeNames.Subject, overrides.Subject);
            }

            writer.WriteString(Topic, request.Topic);
            writer.WriteString(PubsubName, request.PubsubName);
            writer.WriteString(TraceId, traceParent);
            writer.WriteString(TraceParent, traceParent);
            writer.WriteString(TraceState, overrides.TraceState ?? request.TraceState);
            if (MessageTtl.TryGet(request.Metadata, out var ttl))
            {
                writer.WriteString(Expiration, MessageTtl.Expiration(request.Now, ttl));
            }

            EnvelopeData.Write(writer, contentType, request.Body.Span);
            writer.WriteEndObject();
        }

        // Overrides and the verbatim Content-Type come from the publisher, so the result can still break a rule.
        return EnvelopeResult.Validated(stream.ToArray());
    }
}
