namespace Gateway.Delivery;

/// <summary>Registers the delivery pipeline: the channels to apps and the handler factory.</summary>
internal static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services) => services
        .AddSingleton<AppChannels>()
        .AddSingleton<DeliveryHandlers>();
}
