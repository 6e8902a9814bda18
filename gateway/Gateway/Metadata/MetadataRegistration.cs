namespace Gateway.Metadata;

/// <summary>Registers <c>/v1.0/metadata</c> (and what it reads, for every front door) and the health endpoints.</summary>
internal static class MetadataRegistration
{
    public static IServiceCollection AddMetadataApi(this IServiceCollection services) => services
        .AddSingleton<CallerMetadata>()
        .AddSingleton<MetadataEndpoint>()
        .AddSingleton<HealthEndpoints>();
}
