using System.Text;
using System.Text.Json;

namespace Gateway.CloudEvents;

/// <summary>
/// Turns one bulk-publish entry's <c>event</c> into bytes according to its <c>contentType</c>
/// (dapr-pubsub spec §3.1, Dapr's <c>ConvertEventToBytes</c>), with Dapr's error texts.
/// </summary>
internal static class BulkEntryConverter
{
    /// <summary>Dapr's error for an event that does not fit its content type.</summary>
    public const string MismatchError = "error: mismatch between contentType and event";

    /// <summary>
    /// <c>application/octet-stream</c>: a JSON string of standard base64 → the decoded bytes.
    /// <c>text/*</c>, <c>application/xml</c>: a JSON string → its UTF-8 bytes.
    /// JSON content types (CloudEvents J7, wider than Dapr's <c>application/json</c>) and
    /// <c>application/cloudevents+json</c>: any JSON → its text, numbers kept exact.
    /// Anything else, including a missing content type → <see cref="MismatchError"/>.
    /// </summary>
    public static bool TryConvert(JsonElement @event, string? contentType, out byte[] bytes, out string error)
    {
        bytes = [];
        error = string.Empty;
        string essence = MediaTypeGrammar.Essence(contentType);
        if (essence == "application/octet-stream")
        {
            return TryDecodeBase64(@event, out bytes, out error);
        }

        if (essence.StartsWith("text/", StringComparison.Ordinal) || essence == "application/xml")
        {
            if (@event.ValueKind != JsonValueKind.String)
            {
                error = MismatchError;
                return false;
            }

            bytes = Encoding.UTF8.GetBytes(@event.GetString()!);
            return true;
        }

        if (CloudEventMediaTypes.IsJson(contentType) || CloudEventMediaTypes.IsStructuredJson(contentType))
        {
            bytes = Encoding.UTF8.GetBytes(@event.GetRawText());
            return true;
        }

        error = MismatchError;
        return false;
    }

    private static bool TryDecodeBase64(JsonElement @event, out byte[] bytes, out string error)
    {
        bytes = [];
        error = string.Empty;
        if (@event.ValueKind != JsonValueKind.String)
        {
            error = MismatchError;
            return false;
        }

        string text = @event.GetString()!;
        if (StrictBase64.TryDecode(text, out bytes))
        {
            return true;
        }

        // Same shape as Go's base64.CorruptInputError, which Dapr wraps.
        error = $"error: unable to decode base64 application/octect-stream data: illegal base64 data at input byte {StrictBase64.FirstInvalidIndex(text)}";
        return false;
    }
}
