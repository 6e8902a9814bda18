using Gateway.Drivers;
using Gateway.Delivery;
using Gateway.Pubsub;
using Gateway.Resiliency;
using Gateway.Resources;
using Gateway.Subscriptions;

namespace Gateway.Hosting;

/// <summary>
/// Applies a valid, changed resource set to the running gateway: Resiliency policies are rebuilt,
/// components swapped (unchanged ones keep their driver), subscriptions reconciled for every app, and
/// components no longer used disposed once nothing subscribes through them. A change to an existing
/// <c>App</c> resource is refused: its delivery channel is shared by running deliveries.
/// </summary>
internal sealed partial class ResourceReloader(
    ComponentRegistry registry,
    SubscriptionCatalog catalog,
    ResiliencyPolicies resiliency,
    SubscriptionManager subscriptions,
    ILogger<ResourceReloader> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies <paramref name="next"/>; returns false (and logs why) when it was refused and the current set stays.</summary>
    public async Task<bool> ApplyAsync(ResourceSet next, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var refusals = ChangedApps(next).ToList();
            foreach (var app in refusals)
            {
                LogAppChangeRefused(logger, app.AppId, app.Namespace);
            }

            if (refusals.Count > 0)
            {
                return false;
            }

            try
            {
                resiliency.Replace(next);
            }
            catch (InvalidOperationException ex)
            {
                LogResiliencyRefused(logger, ex.Message);
                return false;
            }

            var removed = registry.Replace(next);
            catalog.Replace(next);
            await subscriptions.ReconcileAllAsync(cancellationToken);
            foreach (var component in removed)
            {
                await component.DisposeAsync();
            }

            LogApplied(logger, next.Components.Count, next.Subscriptions.Count, next.Apps.Count, removed.Count);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IEnumerable<AppSpec> ChangedApps(ResourceSet next) =>
        next.Apps.Where(app => catalog.Apps.Any(current =>
            current.Namespace == app.Namespace && current.AppId == app.AppId && current != app with { Location = current.Location }));

    [LoggerMessage(EventId = EventIds.ResourceReloader.Applied, Level = LogLevel.Information,
        Message = "Resources reloaded: {Components} components, {Subscriptions} subscriptions, {Apps} apps; {Removed} component drivers replaced or removed")]
    private static partial void LogApplied(ILogger logger, int components, int subscriptions, int apps, int removed);

    [LoggerMessage(EventId = EventIds.ResourceReloader.AppChangeRefused, Level = LogLevel.Error,
        Message = "Changed resources not applied: the App resource of '{AppId}' in namespace '{Namespace}' changed, which needs a restart; the last good set stays in use")]
    private static partial void LogAppChangeRefused(ILogger logger, string appId, string @namespace);

    [LoggerMessage(EventId = EventIds.ResourceReloader.ResiliencyRefused, Level = LogLevel.Error, Message = "Changed resources not applied; the last good set stays in use: {Reason}")]
    private static partial void LogResiliencyRefused(ILogger logger, string reason);
}
