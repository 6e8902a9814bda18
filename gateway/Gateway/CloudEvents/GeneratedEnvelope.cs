using System.Text.Json;
using static Gateway.CloudEvents.DaprEnvelopeDefaults;

namespace Gateway.CloudEvents;

/// <summary>Case 3 of dapr-pubsub spec §2.6: the body is not a CloudEvent, so Dapr wraps it in one.</summary>
internal static class GeneratedEnvelope
{
    public static EnvelopeResult Create(EnvelopeRequest request)
    {
        var attributes = GeneratedAttributes.Resolve(request);
        var violations = Check(request, attributes);
        return violations.Count == 0
            ? EnvelopeResult.Success(Write(request, attributes))
            : EnvelopeResult.Failure(EnvelopeErrorKind.InvalidCloudEvent, string.Join("; ", violations.Select(v => v.Message)));
    }

    /// <summary>The envelope as <see cref="Create"/> writes it, without any check (for tests that compare the checks).</summary>
    internal static byte[] WriteUnchecked(EnvelopeRequest request) => Write(request, GeneratedAttributes.Resolve(request));

    /// <summary>
    /// Overrides, the verbatim Content-Type, the topic, the pubsub name and the trace headers come from the
    /// publisher, so the envelope can still break a rule. Only those strings are checked, in the order they are
    /// written and with <see cref="CloudEventValidator"/>'s own rules, which gives the validator's answer for the
    /// whole envelope: everything else (specversion, time, expiration, data) is written valid by construction.
    /// Re-parsing the envelope instead cost about a tenth of the gateway's CPU per publish.
    /// </summary>
    internal static List<CloudEventViolation> Check(EnvelopeRequest request, GeneratedAttributes attributes)
    {
        var violations = new List<CloudEventViolation>();
        AttributeValueRules.CheckString(CloudEventAttributeNames.Id, attributes.Id, violations);
        AttributeValueRules.CheckString(CloudEventAttributeNames.Source, attributes.Source, violations);
        AttributeValueRules.CheckString(CloudEventAttributeNames.EventType, attributes.EventType, violations);
        AttributeValueRules.CheckString(CloudEventAttributeNames.DataContentType, attributes.ContentType, violations);
        if (attributes.Subject is not null)
        {
            AttributeValueRules.CheckString(CloudEventAttributeNames.Subject, attributes.Subject, violations);
        }

        AttributeValueRules.CheckString(Topic, request.Topic, violations);
        AttributeValueRules.CheckString(PubsubName, request.PubsubName, violations);
        AttributeValueRules.CheckString(TraceId, attributes.TraceParent, violations);
        AttributeValueRules.CheckString(TraceParent, attributes.TraceParent, violations);
        AttributeValueRules.CheckString(TraceState, attributes.TraceState, violations);
        return violations;
    }

    private static byte[] Write(EnvelopeRequest request, GeneratedAttributes attributes) =>
        CloudEventJsonWriting.ToArray((request, attributes), static (writer, state) => Write(writer, state.request, state.attributes));

    private static void Write(Utf8JsonWriter writer, EnvelopeRequest request, GeneratedAttributes attributes)
    {
        writer.WriteStartObject();
        writer.WriteString(CloudEventAttributeNames.SpecVersion, CloudEventAttributeNames.SupportedSpecVersion);
        writer.WriteString(CloudEventAttributeNames.Id, attributes.Id);
        writer.WriteString(CloudEventAttributeNames.Source, attributes.Source);
        writer.WriteString(CloudEventAttributeNames.EventType, attributes.EventType);
        writer.WriteString(CloudEventAttributeNames.DataContentType, attributes.ContentType);
        writer.WriteString(CloudEventAttributeNames.Time, Rfc3339Timestamp.FormatSecondsUtc(request.Now));
        if (attributes.Subject is not null)
        {
            writer.WriteString(CloudEventAttributeNames.Subject, attributes.Subject);
        }

        writer.WriteString(Topic, request.Topic);
        writer.WriteString(PubsubName, request.PubsubName);
        writer.WriteString(TraceId, attributes.TraceParent);
        writer.WriteString(TraceParent, attributes.TraceParent);
        writer.WriteString(TraceState, attributes.TraceState);
        if (MessageTtl.TryGet(request.Metadata, out var ttl))
        {
            writer.WriteString(Expiration, MessageTtl.Expiration(request.Now, ttl));
        }

        EnvelopeData.Write(writer, attributes.ContentType, request.Body.Span);
        writer.WriteEndObject();
    }
}
