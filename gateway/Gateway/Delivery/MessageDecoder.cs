using System.Text.Json;
using Gateway.CloudEvents;
using Gateway.Routing;
using Gateway.Drivers;

namespace Gateway.Delivery;

/// <summary>
/// The first steps of every delivery, single or batched, whatever the channel (Dapr's order): decode the
/// broker message into the CloudEvent the app receives (a <c>rawPayload</c> subscription wraps the bytes
/// as Dapr does; a binary-mode event, as a Dapr 1.17+ sidecar stores it, is rebuilt as structured JSON),
/// check its expiry, pick its route, read its trace context.
/// </summary>
internal static class MessageDecoder
{
    public static DecodedMessage Decode(BrokerMessage message, DeliveryTarget target, DateTimeOffset now)
    {
        if (target.RawPayload is not { } raw)
        {
            return DecodedMessage.Undeliverable("the subscription's rawPayload metadata is not a boolean");
        }

        string? traceParent = null, traceState = null;
        ReadOnlyMemory<byte> body;
        if (raw)
        {
            traceParent = Lookup(message.Metadata, "traceparent") ?? Lookup(message.Metadata, "traceid");
            traceState = Lookup(message.Metadata, "tracestate");
            body = RawPayloadEnvelope.Create(message.Data.Span, target.Topic, target.Component.Name, traceParent, traceState, now);
        }
        else
        {
            body = BrokerBinaryModeEvent.Applies(message) ? BrokerBinaryModeEvent.Rebuild(message, target.Topic, target.Component.Name) : message.Data;
        }

        using var cloudEvent = CloudEventJson.TryParseObject(body);
        if (cloudEvent is null)
        {
            return DecodedMessage.Undeliverable("the message is not a JSON CloudEvent");
        }

        var root = cloudEvent.RootElement;
        if (!raw)
        {
            traceParent = ReadString(root, "traceparent") ?? ReadString(root, "traceid");
            traceState = ReadString(root, "tracestate");
            if (CloudEventExpiration.IsExpired(root, now))
            {
                return new DecodedMessage(body, null, true, null, traceParent ?? "", traceState ?? "");
            }
        }

        var route = target.Routes.Select(root);
        if (route.Error is not null)
        {
            return DecodedMessage.Undeliverable($"routing failed: {route.Error}");
        }

        var path = route.Path is null ? null : RoutePath.Normalize(route.Path);
        return new DecodedMessage(body, path, false, null, traceParent ?? "", traceState ?? "");
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string? Lookup(IReadOnlyDictionary<string, string> metadata, string key)
    {
        foreach (var (name, value) in metadata)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }
}
