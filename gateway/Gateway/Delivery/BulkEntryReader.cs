using System.Text.Json;
using Gateway.CloudEvents;
using Gateway.Drivers;
using Gateway.Subscriptions;

namespace Gateway.Delivery;

/// <summary>
/// Decodes, checks expiry of, and routes one message of a batch the way single delivery does
/// (spec/dapr-pubsub.md §4.5): a raw subscription routes on the CloudEvent Dapr would wrap the bytes in,
/// and sends the bytes themselves.
/// </summary>
internal static class BulkEntryReader
{
    /// <param name="traceContext">Read the message's trace context (only needed when tracing is on).</param>
    public static BulkEntryReading Read(BrokerMessage message, SubscriptionDefinition definition, DeliveryTarget target, DateTimeOffset now, bool traceContext)
    {
        if (definition.RawPayload is not { } raw)
        {
            return BulkEntryReading.Failed("the subscription's rawPayload metadata is not a boolean");
        }

        var routed = raw
            ? RawPayloadEnvelope.Create(message.Data.Span, definition.Topic, target.Component.Name, null, null, now)
            : message.Data;
        using var cloudEvent = CloudEventJson.TryParseObject(routed);
        if (cloudEvent is null)
        {
            return BulkEntryReading.Failed("the message is not a JSON CloudEvent");
        }

        if (!raw && CloudEventExpiration.IsExpired(cloudEvent.RootElement, now))
        {
            return BulkEntryReading.NotSent(expired: true);
        }

        var route = target.Routes.Select(cloudEvent.RootElement);
        if (route.Error is not null)
        {
            return BulkEntryReading.Failed($"routing failed: {route.Error}");
        }

        if (route.Path is null)
        {
            return BulkEntryReading.NotSent(expired: false);
        }

        var path = route.Path.StartsWith('/') ? route.Path : "/" + route.Path;
        if (!traceContext)
        {
            return new BulkEntryReading(path, message.Data, raw, Expired: false, Failure: null);
        }

        var traceParent = raw
            ? Lookup(message.Metadata, "traceparent") ?? Lookup(message.Metadata, "traceid")
            : ReadString(cloudEvent.RootElement, "traceparent") ?? ReadString(cloudEvent.RootElement, "traceid");
        var traceState = raw ? Lookup(message.Metadata, "tracestate") : ReadString(cloudEvent.RootElement, "tracestate");
        return new BulkEntryReading(path, message.Data, raw, Expired: false, Failure: null, traceParent ?? "", traceState ?? "");
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string? Lookup(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;
}
