using System.Reflection;
using Gateway.Authentication;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Subscriptions;
using Gateway.Subscriptions.Streaming;

namespace Gateway.Metadata;

/// <summary>
/// What Dapr's metadata API tells one caller, whichever front door asks (<c>GET /v1.0/metadata</c>, gRPC
/// <c>GetMetadata</c>): the components that exist for it and its own subscriptions in Dapr's listing order
/// (declarative, programmatic, then streaming), including those denied by topic scoping. Nothing of other apps.
/// </summary>
internal sealed class CallerMetadata(ComponentRegistry registry, SubscriptionManager subscriptions, StreamingSubscriptions streams, SubscriptionDiscovery discovery)
{
    public static string RuntimeVersion { get; } =
        typeof(CallerMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Reads the caller's metadata. Dapr SDK servers ask for it once they listen: a good moment to learn their
    /// subscriptions, so this also asks the caller's app for them soon.
    /// </summary>
    public CallerMetadataView Read(Caller caller)
    {
        discovery.Trigger(new AppKey(caller.Namespace, caller.AppId));
        var components = registry.All.Where(component => component.IsVisibleTo(caller.Namespace, caller.AppId)).ToList();
        var own = subscriptions.Statuses
            .Where(status => string.Equals(status.App.AppId, caller.AppId, StringComparison.Ordinal)
                && string.Equals(status.App.Namespace, caller.Namespace, StringComparison.Ordinal))
            .Select(status => status.Definition)
            .Concat(streams.DefinitionsOf(caller.Namespace, caller.AppId))
            .ToList();
        return new CallerMetadataView(caller, components, own);
    }
}
