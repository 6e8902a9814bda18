namespace Gateway.Subscriptions;

/// <summary>Whether a declared subscription is delivering.</summary>
internal enum SubscriptionState
{
    /// <summary>Consuming and delivering.</summary>
    Running,

    /// <summary>Refused by topic scoping: never started, still listed in <c>/v1.0/metadata</c> as Dapr lists it.</summary>
    Denied,

    /// <summary>Could not be started (unknown pubsub for the app, unsupported route, broker error).</summary>
    Failed,
}
