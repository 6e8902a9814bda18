using System.Text.Json;

namespace Gateway.CloudEvents;

/// <summary>The delivery-side TTL check (dapr-pubsub spec §2.7, §4.5 step 3).</summary>
internal static class CloudEventExpiration
{
    /// <summary>
    /// True only when the event is a JSON object whose <c>expiration</c> is an RFC 3339 string before
    /// <paramref name="now"/>. A missing, non-string or unparseable expiration, or a body that is not JSON,
    /// means "not expired", as in Dapr.
    /// </summary>
    public static bool IsExpired(ReadOnlySpan<byte> cloudEventJson, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(cloudEventJson.ToArray());
            return IsExpired(document.RootElement, now);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The same check on an event already parsed, so delivery reads each message once.</summary>
    public static bool IsExpired(JsonElement cloudEvent, DateTimeOffset now) =>
        cloudEvent.ValueKind == JsonValueKind.Object
        && cloudEvent.TryGetProperty(DaprEnvelopeDefaults.Expiration, out var expiration)
        && expiration.ValueKind == JsonValueKind.String
        && Rfc3339Timestamp.TryParseUtc(expiration.GetString()!, out var instant)
        && instant < now;
}
