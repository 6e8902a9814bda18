using System.Text;
using System.Text.Json;

using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>
/// The value of a record in a broker store:
/// <c>{"namespace":"…","appId":"…","subscription":{…}}</c>, the subscription in the runtime API's JSON shape.
/// </summary>
internal static class RuntimeSubscriptionCodec
{
    public static byte[] Encode(RuntimeSubscriptionRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("namespace", record.App.Namespace);
            writer.WriteString("appId", record.App.AppId);
            writer.WritePropertyName("subscription");
            SubscriptionJson.Write(writer, record.Definition);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a record stored under <paramref name="key"/>; false with the reason when it is not one this gateway wrote.</summary>
    public static bool TryDecode(string key, ReadOnlySpan<byte> value, out RuntimeSubscriptionRecord? record, out string error)
    {
        record = null;
        try
        {
            using var document = JsonDocument.Parse(value.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("namespace", out var ns) || ns.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("appId", out var appId) || appId.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("subscription", out var subscription) || subscription.ValueKind != JsonValueKind.Object)
            {
                error = "it needs 'namespace', 'appId' and 'subscription'";
                return false;
            }

            var app = new AppKey(ns.GetString()!, appId.GetString()!);
            if (!ProgrammaticSubscriptionParser.TryParse(Encoding.UTF8.GetBytes($"[{subscription.GetRawText()}]"), app.Namespace, out var definitions, out _, out error))
            {
                return false;
            }

            if (definitions.Count != 1)
            {
                error = "its subscription declares no route";
                return false;
            }

            record = new RuntimeSubscriptionRecord(app, definitions[0]);
            if (record.Key != key)
            {
                error = $"its content belongs under the key {record.Key}";
                record = null;
                return false;
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = $"it is not JSON: {ex.Message}";
            return false;
        }
    }
}
