using System.Text;

namespace Gateway.CloudEvents;

/// <summary>Where and how a Dapr-built envelope carries the request body (dapr-pubsub spec §2.6, data table).</summary>
internal static class EnvelopeData
{
    /// <summary>
    /// JSON content types (the CloudEvents J7 test, wider than Dapr's <c>application/json</c>-only test) →
    /// <c>data</c> holding the body's JSON text verbatim, or the body as a string when it is not JSON.
    /// <c>application/octet-stream</c>, <c>application/cloudevents+protobuf</c> and <c>application/x-protobuf</c>
    /// → <c>data_base64</c> (Dapr sends x-protobuf as a string unless it decodes as a protobuf CloudEvent; the
    /// gateway does not decode protobuf and keeps the bytes intact instead). Everything else → a string.
    /// </summary>
    public static void Write(System.Text.Json.Utf8JsonWriter writer, string contentType, ReadOnlySpan<byte> body)
    {
        string essence = MediaTypeGrammar.Essence(contentType);
        if (essence is "application/octet-stream" or CloudEventMediaTypes.StructuredProtobuf or "application/x-protobuf")
        {
            writer.WriteBase64String(CloudEventAttributeNames.DataBase64, body);
            return;
        }

        if (CloudEventMediaTypes.IsJson(contentType)
            && System.Text.Unicode.Utf8.IsValid(body)
            && CloudEventJsonWriting.TryFindJsonValue(body, out var json))
        {
            CloudEventJsonWriting.WriteRaw(writer, CloudEventAttributeNames.Data, body[json]);
            return;
        }

        // Invalid UTF-8 becomes U+FFFD, as Go's JSON encoder does with string(bytes).
        writer.WriteString(CloudEventAttributeNames.Data, Encoding.UTF8.GetString(body));
    }
}
