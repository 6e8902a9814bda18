using Gateway.Pubsub;
using Gateway.Subscriptions;

namespace Gateway.Subscriptions;

/// <summary>
/// The consumer group of a subscription: its own <c>consumerGroup</c>/<c>consumerID</c> metadata, else
/// the component's, else the app ID. Every gateway replica computes the same group, so replicas share
/// the work through the broker, and each app gets every message.
/// </summary>
internal static class ConsumerGroups
{
    public static string For(SubscriptionDefinition definition, PubsubComponent component, string appId)
    {
        return Find(definition.Metadata, "consumerGroup")
            ?? Find(definition.Metadata, "consumerID")
            ?? Find(component.Metadata, "consumerGroup")
            ?? Find(component.Metadata, "consumerID")
            ?? appId;
    }

    private static string? Find(IReadOnlyDictionary<string, string> metadata, string key)
    {
        foreach (var (name, value) in metadata)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
