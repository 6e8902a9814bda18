using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>Registers the inbound and outbound policies built from the Resiliency resources.</summary>
internal static class ResiliencyRegistration
{
    public static IServiceCollection AddResiliency(this IServiceCollection services, ResourceSet resources) =>
        services.AddSingleton(provider => new ResiliencyPolicies(resources, provider.GetRequiredService<TimeProvider>()));
}
