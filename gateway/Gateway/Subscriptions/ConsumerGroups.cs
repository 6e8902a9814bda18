using Gateway.Pubsub;
using Gateway.Resources.Markers;

namespace Gateway.Subscriptions;

/// <summary>
/// The consumer group of a subscription, and who may choose it. The group is the subscription's own
/// <c>consumerGroup</c>/<c>consumerID</c> metadata, else the component's, else the app ID. Dapr's markers in
/// them are resolved for the subscribing app (<see cref="ComponentMarkers.GroupFor"/>): <c>consumerID: "{appID}"</c>
/// gives every app its own group, as every Dapr sidecar has. Every gateway replica computes the same group
/// (unless the template asks for <c>{podName}</c> or <c>{uuid}</c>), so replicas share the work through the
/// broker, and each app gets every message. Groups belong to apps: only operator-written resources (Component
/// and Subscription YAML) may name any group; a subscription an app declares itself (<c>/dapr/subscribe</c>, the
/// runtime API) may not name a group other than the one it gets anyway, so no app can join another app's group
/// and take its messages. Markers in what an app declares resolve with its own ID, so <c>"{appID}"</c> there is
/// its own group, and <c>"{podName}"</c> or <c>"{uuid}"</c> are refused unless the component's group is the same.
/// </summary>
internal static class ConsumerGroups
{
    /// <summary>The group <paramref name="definition"/> consumes in for <paramref name="appId"/>.</summary>
    public static string For(SubscriptionDefinition definition, PubsubComponent component, string appId) =>
        Declared(definition, component, appId) ?? OwnGroup(component, appId);

    /// <summary>
    /// Why <paramref name="appId"/> may not consume as <paramref name="definition"/> asks; null when it may. Only a
    /// subscription the app declared itself can be refused, and only for naming a group other than its own.
    /// </summary>
    public static string? Refusal(SubscriptionDefinition definition, PubsubComponent component, string appId)
    {
        if (definition.Type == SubscriptionType.Declarative || Declared(definition, component, appId) is not { } asked)
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
    private static string OwnGroup(PubsubComponent component, string appId) =>
        AppOwnedKeys.GroupTemplate(component.Metadata) is { } template ? Nonblank(component.Markers.GroupFor(template, appId, operatorWritten: true), appId) : appId;

    private static string? Declared(SubscriptionDefinition definition, PubsubComponent component, string appId) =>
        AppOwnedKeys.GroupTemplate(definition.Metadata) is { } template
            ? Nonblank(component.Markers.GroupFor(template, appId, operatorWritten: definition.Type == SubscriptionType.Declarative), appId)
            : null;

    // A template of markers only cannot resolve to nothing, but a group is never blank.
    private static string Nonblank(string group, string appId) => group.Length > 0 ? group : appId;
}
