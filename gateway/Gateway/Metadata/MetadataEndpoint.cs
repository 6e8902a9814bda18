using System.Reflection;
using System.Text.Json;
using Gateway.Authentication;
using Gateway.Pubsub;
using Gateway.Subscriptions;

using Gateway.Resources;

namespace Gateway.Metadata;

/// <summary>
/// <c>GET /v1.0/metadata</c> (Dapr's metadata API, https://docs.dapr.io/reference/api/metadata_api/), answered for the caller as its own sidecar
/// would: its app ID, the components that exist for it, and its subscriptions, including those
/// denied by topic scoping.
/// </summary>
internal sealed class MetadataEndpoint(ComponentRegistry registry, SubscriptionManager subscriptions, SubscriptionDiscovery discovery)
{
    public static string RuntimeVersion { get; } =
        typeof(MetadataEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public async Task HandleAsync(HttpContext context, Caller caller)
    {
        // Dapr SDK servers ask for metadata once they listen: a good moment to learn their subscriptions.
        discovery.Trigger(new AppKey(caller.Namespace, caller.AppId));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", caller.AppId);
        writer.WriteString("runtimeVersion", RuntimeVersion);
        WriteComponents(writer, caller);
        writer.WriteStartObject("extended");
        writer.WriteString("gatewayVersion", RuntimeVersion);
        writer.WriteString("spiffeId", caller.SpiffeId);
        writer.WriteString("namespace", caller.Namespace);
        writer.WriteEndObject();
        WriteSubscriptions(writer, caller);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private void WriteComponents(Utf8JsonWriter writer, Caller caller)
    {
        writer.WriteStartArray("components");
        foreach (var component in registry.All.Where(component => component.IsVisibleTo(caller.Namespace, caller.AppId)))
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

    private void WriteSubscriptions(Utf8JsonWriter writer, Caller caller)
    {
        writer.WriteStartArray("subscriptions");
        foreach (var status in subscriptions.Statuses)
        {
            if (!string.Equals(status.App.AppId, caller.AppId, StringComparison.Ordinal)
                || !string.Equals(status.App.Namespace, caller.Namespace, StringComparison.Ordinal))
            {
                continue;
            }

            var definition = status.Definition;
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
