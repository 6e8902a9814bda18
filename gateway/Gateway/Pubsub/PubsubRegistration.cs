using Gateway.Drivers;
using Gateway.Resources;

namespace Gateway.Pubsub;

/// <summary>Registers the loaded pubsub components (drivers started from the resources) and their scope checks.</summary>
internal static class PubsubRegistration
{
    public static IServiceCollection AddPubsub(this IServiceCollection services, ResourceSet resources, IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories) => services
        .AddSingleton(provider => ComponentRegistry.Create(
            resources, driverFactories, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>()))
        .AddSingleton<ScopeGuard>();
}
