using System.Text.Json;

using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>
/// One runtime subscription as the stores keep it: one record per (namespace, app, pubsub, topic), so
/// replicas that change different subscriptions never overwrite each other.
/// </summary>
internal sealed record RuntimeSubscriptionRecord(AppKey App, SubscriptionDefinition Definition)
{
    /// <summary>The record key: <c>["namespace","appId","pubsub","topic"]</c> as compact JSON, unambiguous whatever the names hold.</summary>
    public string Key => KeyOf(App, Definition.PubsubName, Definition.Topic);

    public static string KeyOf(AppKey app, string pubsub, string topic) =>
        JsonSerializer.Serialize(new[] { app.Namespace, app.AppId, pubsub, topic });
}
