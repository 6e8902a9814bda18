using System.Text.Json;
using Gateway.Authentication;

namespace Gateway.Metadata;

/// <summary>
/// <c>GET /v1.0/metadata</c> (Dapr's metadata API, https://docs.dapr.io/reference/api/metadata_api/), answered for the caller as its own sidecar
/// would: its app ID, the components that exist for it, and its subscriptions, including those
/// denied by topic scoping.
/// </summary>
internal sealed class MetadataEndpoint(CallerMetadata metadata)
{
    public async Task HandleAsync(HttpContext context, Caller caller)
    {
        var view = metadata.Read(caller);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", caller.AppId);
        writer.WriteString("runtimeVersion", CallerMetadata.RuntimeVersion);
        WriteComponents(writer, view);
        writer.WriteStartObject("extended");
        writer.WriteString("gatewayVersion", CallerMetadata.RuntimeVersion);
        writer.WriteString("spiffeId", caller.SpiffeId);
        writer.WriteString("namespace", caller.Namespace);
        writer.WriteEndObject();
        WriteSubscriptions(writer, view);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteComponents(Utf8JsonWriter writer, CallerMetadataView view)
    {
        writer.WriteStartArray("components");
        foreach (var component in view.Components)
        {
            writer.WriteStartObject();
            writer.WriteString("name", component.Name);
            writer.WriteString("type", component.Spec.Type);
            writer.WriteString("version", component.Spec.Version);
            writer.WriteStartArray("capabilities");
            foreach (var capability in component.Capabilities)
            {
                writer.WriteStringValue(capability);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSubscriptions(Utf8JsonWriter writer, CallerMetadataView view)
    {
        writer.WriteStartArray("subscriptions");
        foreach (var definition in view.Subscriptions)
        {
            writer.WriteStartObject();
            writer.WriteString("pubsubname", definition.PubsubName);
            writer.WriteString("topic", definition.Topic);
            if (definition.Metadata.Count > 0)
            {
                writer.WriteStartObject("metadata");
                foreach (var (key, value) in definition.Metadata)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            if (definition.Rules.Count > 0)
            {
                writer.WriteStartArray("rules");
                foreach (var rule in definition.Rules)
                {
                    writer.WriteStartObject();
                    if (!string.IsNullOrEmpty(rule.Match))
                    {
                        writer.WriteString("match", rule.Match);
                    }

                    writer.WriteString("path", rule.Path);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteString("deadLetterTopic", definition.DeadLetterTopic ?? "");
            writer.WriteString("type", definition.Type.ToString().ToUpperInvariant());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
