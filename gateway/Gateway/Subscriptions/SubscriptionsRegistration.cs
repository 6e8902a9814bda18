using Gateway.Subscriptions.Streaming;

namespace Gateway.Subscriptions;

/// <summary>
/// Registers the subscription lifecycle: the catalog of what apps declare (YAML, <c>/dapr/subscribe</c>,
/// the runtime API and its stores), streaming subscriptions, the manager that keeps running subscriptions equal to it, discovery,
/// the replicas' sync, and, when metrics are read, the consumer lag sampler.
/// </summary>
internal static class SubscriptionsRegistration
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services, string stateDirectory, bool sampleConsumerLag)
    {
        services.AddSingleton<SubscriptionCatalog>();
        services.AddSingleton(new FileSubscriptionStore(Path.Combine(stateDirectory, "subscriptions.json")));
        services.AddSingleton<RuntimeSubscriptionStore>();
        services.AddSingleton<RuntimeSubscriptionSync>();
        services.AddHostedService(provider => provider.GetRequiredService<RuntimeSubscriptionSync>());
        services.AddSingleton<RuntimeSubscriptionEndpoint>();
        services.AddSingleton<SubscriptionManager>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriptionManager>());
        services.AddSingleton<StreamingSubscriptions>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamingSubscriptions>());
        services.AddSingleton<SubscriptionDiscovery>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriptionDiscovery>());
        if (sampleConsumerLag)
        {
            // Brokers are asked for lag only when someone can read it.
            services.AddHostedService<ConsumerLagSampler>();
        }

        return services;
    }
}
