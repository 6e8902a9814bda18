using System.Collections.Concurrent;
using Gateway.Resources;
using Gateway.Resources.Markers;

namespace Gateway.Pubsub;

/// <summary>
/// Dapr's metadata markers of one running component on this gateway replica. Keys owned by the gateway
/// process (everything but <see cref="AppOwnedKeys"/>) are resolved once, when the driver is created:
/// <c>{podName}</c> is this replica's name, each <c>{uuid}</c> a fresh UUID, and <c>{appID}</c> the process's
/// own name (<see cref="MarkerValues.ProcessAppId"/>). The consumer-group keys are resolved per subscribing
/// app: <c>{appID}</c> is that app, <c>{namespace}</c> Dapr's <c>&lt;namespace&gt;.&lt;appID&gt;</c>.
/// </summary>
internal sealed class ComponentMarkers(ComponentSpec spec, string podName)
{
    // Only operator-written templates with a {uuid} are kept, so the cache is bounded by the resources folder
    // and the apps: such a group then stays the same for one app for the component's life, and every caller
    // (subscribing, lag sampling) computes the same group. Every other template resolves the same each time.
    private readonly ConcurrentDictionary<(string AppId, string Template), string> _operatorGroups = new();

    /// <summary>The replica name <c>{podName}</c> stands for.</summary>
    public string PodName { get; } = podName;

    /// <summary>The metadata the driver gets: process-owned keys with their markers resolved; consumer-group keys as written (drivers ignore them).</summary>
    public IReadOnlyDictionary<string, string> DriverMetadata()
    {
        var values = new MarkerValues(MarkerValues.ProcessAppId, spec.Namespace, PodName, MarkerValues.RandomUuid);
        return spec.Metadata.ToDictionary(
            pair => pair.Key,
            pair => AppOwnedKeys.Contains(pair.Key) ? pair.Value : MetadataMarkers.Resolve(pair.Value, values),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A consumer-group template resolved for <paramref name="appId"/>. <paramref name="operatorWritten"/> is true
    /// for the component's own template and a Subscription resource's; a template an app declared itself is
    /// resolved afresh every time (a <c>{uuid}</c> there never equals anything, so the app's request is refused).
    /// </summary>
    public string GroupFor(string template, string appId, bool operatorWritten)
    {
        if (!operatorWritten || !template.Contains(MetadataMarkers.Uuid, StringComparison.Ordinal))
        {
            return Resolve(template, appId);
        }

        return _operatorGroups.GetOrAdd((appId, template), key => Resolve(key.Template, key.AppId));
    }

    private string Resolve(string template, string appId) =>
        MetadataMarkers.Resolve(template, new MarkerValues(appId, spec.Namespace, PodName, MarkerValues.RandomUuid)).Trim();
}
