using System.Text.Json;
using static Gateway.CloudEvents.CloudEventAttributeNames;
using static Gateway.CloudEvents.DaprEnvelopeDefaults;

namespace Gateway.CloudEvents;

/// <summary>
/// Case 2 of dapr-pubsub spec §2.6: the publisher sent a CloudEvent. Dapr keeps it, overwrites
/// <c>topic</c>/<c>pubsubname</c> (and <c>expiration</c> when a TTL is given), fills in missing
/// <c>time</c>, <c>source</c>, <c>type</c>, <c>specversion</c> and trace attributes, and ignores
/// <c>cloudevent.*</c> overrides. Unlike Dapr, the gateway then validates the result.
/// </summary>
internal static class PassthroughEnvelope
{
    public static EnvelopeResult Create(ReadOnlyMemory<byte> cloudEvent, EnvelopeRequest request)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(cloudEvent);
        }
        catch (JsonException)
        {
            return NotAnObject();
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? EnvelopeResult.Validated(Rewrite(root, request)) : NotAnObject();
        }
    }

    private static EnvelopeResult NotAnObject() => EnvelopeResult.Failure(EnvelopeErrorKind.NotJsonObject, "cannot create cloudevent");

    private static byte[] Rewrite(JsonElement root, EnvelopeRequest request)
    {
        bool hasTraceId = root.TryGetProperty(TraceId, out _);
        bool hasTtl = MessageTtl.TryGet(request.Metadata, out var ttl);
        var replaced = new HashSet<string>(StringComparer.Ordinal) { Topic, PubsubName };
        if (!hasTraceId)
        {
            replaced.Add(TraceParent);
        }

        if (hasTtl)
        {
            replaced.Add(Expiration);
        }

        return CloudEventJsonWriting.ToArray((root, request, replaced, hasTraceId, hasTtl, ttl), static (writer, state) =>
        {
            var (root, request, replaced, hasTraceId, hasTtl, ttl) = state;
            writer.WriteStartObject();
            foreach (var member in root.EnumerateObject())
            {
                bool defaultsWhenNull = member.Name is Source or EventType or SpecVersion;
                if (replaced.Contains(member.Name) || (defaultsWhenNull && member.Value.ValueKind == JsonValueKind.Null))
                {
                    continue;
                }

                // Raw text keeps escapes (a lone "\uDEAD" stays visible to the validator) and number precision.
                CloudEventJsonWriting.WriteRaw(writer, member.Name, member.Value.GetRawText());
            }

            WriteIfUnset(writer, root, Source, DaprEnvelopeDefaults.DefaultSource);
            WriteIfUnset(writer, root, EventType, DaprEnvelopeDefaults.DefaultEventType);
            WriteIfUnset(writer, root, SpecVersion, SupportedSpecVersion);
            if (!root.TryGetProperty(Time, out _))
            {
                writer.WriteString(Time, Rfc3339Timestamp.FormatSecondsUtc(request.Now));
            }

            writer.WriteString(Topic, request.Topic);
            writer.WriteString(PubsubName, request.PubsubName);
            if (!hasTraceId)
            {
                writer.WriteString(TraceId, request.TraceParent);
                writer.WriteString(TraceParent, request.TraceParent);
            }

            if (!root.TryGetProperty(TraceState, out _))
            {
                writer.WriteString(TraceState, request.TraceState);
            }

            if (hasTtl)
            {
                writer.WriteString(Expiration, MessageTtl.Expiration(request.Now, ttl));
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteIfUnset(Utf8JsonWriter writer, JsonElement root, string name, string value)
    {
        if (!root.TryGetProperty(name, out var existing) || existing.ValueKind == JsonValueKind.Null)
        {
            writer.WriteString(name, value);
        }
    }
}
