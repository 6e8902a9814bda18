namespace Gateway.Subscriptions;

/// <summary>The settings the subscription lifecycle reads (keys of the <c>Gateway</c> configuration section).</summary>
internal interface ISubscriptionSettings
{
    /// <summary>How often every app is asked for <c>GET /dapr/subscribe</c>. Default 30 s; applies live.</summary>
    TimeSpan DiscoveryInterval { get; }

    /// <summary>How often every replica reads the runtime subscription stores. Default 5 s; restart only.</summary>
    TimeSpan RuntimeSubscriptionSyncInterval { get; }

    /// <summary>How long shutdown waits for deliveries in flight before abandoning them (they are redelivered). Default 10 s.</summary>
    TimeSpan ShutdownTimeout { get; }

    /// <summary>How often brokers are asked for consumer lag while metrics are exported (<c>Telemetry:ConsumerLagInterval</c>). Default 15 s.</summary>
    TimeSpan ConsumerLagInterval { get; }
}
