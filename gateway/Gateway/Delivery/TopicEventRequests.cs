using System.Text.Json;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Gateway.Delivery;

/// <summary>
/// A structured CloudEvent as Dapr's <c>TopicEventRequest</c>, the event message of gRPC apps and streaming
/// subscriptions: the core attributes in their fields, <c>data</c> decoded (<c>data_base64</c> to its bytes,
/// a JSON string to its text, other JSON as written), every other attribute in <c>extensions</c>.
/// </summary>
internal static class TopicEventRequests
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "source", "type", "specversion", "datacontenttype", "data", "data_base64", "topic", "pubsubname",
    };

    /// <summary>The event; null when <paramref name="cloudEvent"/> is not a JSON object.</summary>
    public static TopicEventRequest? From(ReadOnlyMemory<byte> cloudEvent, string path, string topic, string pubsubName)
    {
        using var document = CloudEventJson.TryParseObject(cloudEvent);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var request = new TopicEventRequest
        {
            Id = Text(root, "id"),
            Source = Text(root, "source"),
            Type = Text(root, "type"),
            SpecVersion = Text(root, "specversion"),
            DataContentType = Text(root, "datacontenttype"),
            Topic = topic,
            PubsubName = pubsubName,
            Path = path,
            Data = DataOf(root),
        };
        var extensions = new Struct();
        foreach (var attribute in root.EnumerateObject())
        {
            if (!Fields.Contains(attribute.Name))
            {
                extensions.Fields[attribute.Name] = Value.Parser.ParseJson(attribute.Value.GetRawText());
            }
        }

        request.Extensions = extensions;
        return request;
    }

    private static ByteString DataOf(JsonElement root)
    {
        if (root.TryGetProperty("data_base64", out var base64) && base64.ValueKind == JsonValueKind.String && base64.TryGetBytesFromBase64(out var bytes))
        {
            return ByteString.CopyFrom(bytes);
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            return ByteString.Empty;
        }

        return data.ValueKind == JsonValueKind.String ? ByteString.CopyFromUtf8(data.GetString()!) : ByteString.CopyFromUtf8(data.GetRawText());
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
