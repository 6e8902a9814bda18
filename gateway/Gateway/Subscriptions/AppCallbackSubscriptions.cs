using System.Text.Json;
using Dapr.AppCallback.Autogen.Grpc.v1;

namespace Gateway.Subscriptions;

/// <summary>
/// A gRPC app's <c>ListTopicSubscriptions</c> answer in the JSON shape of <c>GET /dapr/subscribe</c>, so both
/// go through the one <see cref="ProgrammaticSubscriptionParser"/> and its checks (topic names, routes that are
/// paths, rule syntax, bulk settings). A subscription without routes gets the route <c>/</c>: gRPC apps tell
/// their handlers apart by topic, and the Dapr SDKs read <c>/</c> as their default route.
/// </summary>
internal static class AppCallbackSubscriptions
{
    public static byte[] ToJson(ListTopicSubscriptionsResponse response)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var subscription in response.Subscriptions)
            {
                writer.WriteStartObject();
                writer.WriteString("pubsubname", subscription.PubsubName);
                writer.WriteString("topic", subscription.Topic);
                writer.WriteString("route", "/");
                if (subscription.Routes is { } routes)
                {
                    writer.WriteStartObject("routes");
                    writer.WriteStartArray("rules");
                    foreach (var rule in routes.Rules)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("match", rule.Match);
                        writer.WriteString("path", rule.Path);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteString("default", routes.Default);
                    writer.WriteEndObject();
                }

                if (subscription.DeadLetterTopic.Length > 0)
                {
                    writer.WriteString("deadLetterTopic", subscription.DeadLetterTopic);
                }

                writer.WriteStartObject("metadata");
                foreach (var (key, value) in subscription.Metadata)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
                if (subscription.BulkSubscribe is { } bulk)
                {
                    SubscriptionJson.WriteBulkSubscribe(writer, bulk.Enabled, bulk.MaxMessagesCount, bulk.MaxAwaitDurationMs);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return stream.ToArray();
    }
}
