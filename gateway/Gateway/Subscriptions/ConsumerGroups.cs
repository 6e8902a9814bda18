using Gateway.Pubsub;

namespace Gateway.Subscriptions;

/// <summary>
/// The consumer group of a subscription, and who may choose it. The group is the subscription's own
/// <c>consumerGroup</c>/<c>consumerID</c> metadata, else the component's, else the app ID. Every gateway
/// replica computes the same group, so replicas share the work through the broker, and each app gets every
/// message. Groups belong to apps: only operator-written resources (Component and Subscription YAML) may
/// name any group; a subscription an app declares itself (<c>/dapr/subscribe</c>, the runtime API) may not
/// name a group other than the one it gets anyway, so no app can join another app's group and take its messages.
/// </summary>
internal static class ConsumerGroups
{
    private static readonly string[] Keys = ["consumerGroup", "consumerID"];

    /// <summary>The group <paramref name="definition"/> consumes in for <paramref name="appId"/>.</summary>
    public static string For(SubscriptionDefinition definition, PubsubComponent component, string appId) =>
        Declared(definition.Metadata) ?? OwnGroup(component, appId);

    /// <summary>
    /// Why <paramref name="appId"/> may not consume as <paramref name="definition"/> asks; null when it may. Only a
    /// subscription the app declared itself can be refused, and only for naming a group other than its own.
    /// </summary>
    public static string? Refusal(SubscriptionDefinition definition, PubsubComponent component, string appId)
    {
        if (definition.Type == SubscriptionType.Declarative || Declared(definition.Metadata) is not { } asked)
        {
            return null;
        }

        var own = OwnGroup(component, appId);
        return asked == own
            ? null
            : $"app '{appId}' may not consume topic '{definition.Topic}' in consumer group '{asked}': apps consume in their own group ('{own}' here); "
                + "a different group is set by the operator in the Component or Subscription YAML";
    }

    /// <summary>The group an app gets when its subscription names none: the component's, else the app ID.</summary>
    private static string OwnGroup(PubsubComponent component, string appId) => Declared(component.Metadata) ?? appId;

    private static string? Declared(IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var key in Keys)
        {
            foreach (var (name, value) in metadata)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }

        return null;
    }
}
