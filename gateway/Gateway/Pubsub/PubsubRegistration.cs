using Gateway.Drivers;
using Gateway.Resources;

namespace Gateway.Pubsub;

/// <summary>Registers the loaded pubsub components (drivers started from the resources) and their scope checks.</summary>
internal static class PubsubRegistration
{
    /// <param name="podName">This replica's name, the value of <c>{podName}</c> in component metadata.</param>
    public static IServiceCollection AddPubsub(
        this IServiceCollection services, ResourceSet resources, IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories, string podName) => services
        .AddSingleton(provider => ComponentRegistry.Create(
            resources, driverFactories, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>(), podName))
        .AddSingleton<ScopeGuard>();
}
