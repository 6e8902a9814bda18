using System.Text.Json;

namespace Gateway.Subscriptions;

/// <summary>
/// A subscription in the JSON shape of Dapr's <c>GET /dapr/subscribe</c> items, which the runtime API
/// accepts and answers and the subscription store keeps.
/// </summary>
internal static class SubscriptionJson
{
    public static void Write(Utf8JsonWriter writer, SubscriptionDefinition definition)
    {
        writer.WriteStartObject();
        writer.WriteString("pubsubname", definition.PubsubName);
        writer.WriteString("topic", definition.Topic);
        writer.WriteStartObject("routes");
        var fallback = definition.Rules.LastOrDefault(rule => string.IsNullOrWhiteSpace(rule.Match));
        writer.WriteStartArray("rules");
        foreach (var rule in definition.Rules.Where(rule => !ReferenceEquals(rule, fallback)))
        {
            writer.WriteStartObject();
            writer.WriteString("match", rule.Match ?? "");
            writer.WriteString("path", rule.Path);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (fallback is not null)
        {
            writer.WriteString("default", fallback.Path);
        }

        writer.WriteEndObject();
        if (definition.DeadLetterTopic is not null)
        {
            writer.WriteString("deadLetterTopic", definition.DeadLetterTopic);
        }

        if (definition.Metadata.Count > 0)
        {
            writer.WriteStartObject("metadata");
            foreach (var (key, value) in definition.Metadata)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        if (definition.BulkSubscribe is { } bulk)
        {
            WriteBulkSubscribe(writer, bulk.Enabled, bulk.MaxMessagesCount, bulk.MaxAwaitDurationMs);
        }

        writer.WriteEndObject();
    }

    /// <summary>The <c>bulkSubscribe</c> member of a subscription in Dapr's JSON shape.</summary>
    public static void WriteBulkSubscribe(Utf8JsonWriter writer, bool enabled, long maxMessagesCount, long maxAwaitDurationMs)
    {
        writer.WriteStartObject("bulkSubscribe");
        writer.WriteBoolean("enabled", enabled);
        writer.WriteNumber("maxMessagesCount", maxMessagesCount);
        writer.WriteNumber("maxAwaitDurationMs", maxAwaitDurationMs);
        writer.WriteEndObject();
    }

    public static byte[] ToArray(IEnumerable<SubscriptionDefinition> definitions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var definition in definitions)
            {
                Write(writer, definition);
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
