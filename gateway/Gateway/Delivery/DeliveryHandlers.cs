using Gateway.Drivers;
using Gateway.Publishing;
using Gateway.Resiliency;
using Gateway.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Delivery;

/// <summary>
/// Builds the delivery pipeline of one running subscription: its settlement, its inbound policy, and a
/// single-message or batching handler for the driver, all on the shared services.
/// </summary>
internal sealed class DeliveryHandlers(
    PublishService publisher,
    ResiliencyPolicies resiliency,
    IOptions<IDeliverySettings> settings,
    GatewayMetrics metrics,
    GatewayTracing tracing,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    /// <summary>The handler the driver calls for each message of <paramref name="target"/>; batching when <paramref name="batch"/> is given.</summary>
    public MessageHandler Create(DeliveryTarget target, BatchLimits? batch)
    {
        var settlement = new DeliverySettlement(target, publisher, metrics, loggerFactory.CreateLogger<DeliverySettlement>());
        var policy = resiliency.InboundFor(target.App.Namespace, target.Component.Name, target.App.AppId);
        // Read per attempt, so a changed DeliveryTimeout applies to running subscriptions too.
        Func<TimeSpan> attemptTimeout = () => settings.Value.DeliveryTimeout;
        if (batch is { } limits)
        {
            var sender = new BulkPathSender(target, policy, attemptTimeout, metrics, tracing);
            return new BulkDeliveryHandler(target, settlement, sender, limits, timeProvider).HandleAsync;
        }

        return new DeliveryHandler(target, settlement, policy, attemptTimeout, metrics, tracing, timeProvider).HandleAsync;
    }
}
