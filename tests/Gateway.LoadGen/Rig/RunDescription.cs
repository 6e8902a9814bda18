using Gateway.LoadGen.Servers;

namespace Gateway.LoadGen.Rig;

/// <summary>What a run measures, for its row in the results.</summary>
/// <param name="Label">The row's name.</param>
/// <param name="Target"><c>noop</c>, <c>gateway</c>, <c>redis-direct</c> or <c>kafka-direct</c>.</param>
/// <param name="Pubsub">The driver, if any.</param>
/// <param name="SubscribedApps">Apps subscribed to the published topic; their deliveries are measured.</param>
/// <param name="Subscriptions">Subscriptions the gateway runs with in all.</param>
internal sealed record RunDescription(string Label, string Target, BrokerKind? Pubsub, int SubscribedApps = 0, int Subscriptions = 0)
{
    public static RunDescription Noop(string label = "no-op endpoint (HTTP+mTLS ceiling)") => new(label, "noop", null);

    public static RunDescription Gateway(BrokerKind broker, int subscribedApps = 0, int subscriptions = 0, string? label = null) =>
        new(label ?? $"gateway → {broker.ComponentType()}", "gateway", broker, subscribedApps, Math.Max(subscriptions, subscribedApps));

    public static RunDescription Direct(BrokerKind broker) =>
        new($"{broker.ComponentName()}-direct ({(broker == BrokerKind.Redis ? "XADD, driver's StackExchange.Redis client" : "librdkafka produce, driver's producer")})", $"{broker.ComponentName()}-direct", broker);
}
