namespace Gateway.Publishing;

/// <summary>Registers the publish path: the one publish service and its HTTP front doors.</summary>
internal static class PublishingRegistration
{
    public static IServiceCollection AddPublishing(this IServiceCollection services) => services
        .AddSingleton<PublishService>()
        .AddSingleton<RequestBodyReader>()
        .AddSingleton<PublishEndpoint>()
        .AddSingleton<BulkPublishEndpoint>();
}
