using Gateway.Drivers;
using Gateway.Resources;
using Gateway.Scopes;

namespace Gateway.Pubsub;

/// <summary>A loaded pub/sub component: its declaration, its running driver and its topic scopes.</summary>
internal sealed class PubsubComponent : IAsyncDisposable
{
    public PubsubComponent(ComponentSpec spec, IPubSubDriver driver, ComponentMarkers markers)
    {
        Spec = spec;
        Driver = driver;
        Markers = markers;
        Scopes = TopicScopes.Parse(spec.Metadata);
        Metadata = spec.MetadataDictionary;
    }

    public ComponentSpec Spec { get; }

    public string Name => Spec.Name;

    public string Namespace => Spec.Namespace;

    public IPubSubDriver Driver { get; }

    /// <summary>Dapr's metadata markers as this replica resolves them for this component (consumer groups per app).</summary>
    public ComponentMarkers Markers { get; }

    public TopicScopes Scopes { get; }

    /// <summary>Component metadata by name, case-insensitive as Dapr reads it.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// True when the component exists for this app: same namespace, and the app is in the component's
    /// <c>scopes</c> (or the list is empty). Anything else answers 404, as a sidecar that never loaded it would.
    /// </summary>
    public bool IsVisibleTo(string @namespace, string appId) => ComponentVisibility.IsVisibleTo(Spec, @namespace, appId);

    /// <summary>Feature names as Dapr lists them in <c>/v1.0/metadata</c>.</summary>
    public IReadOnlyList<string> Capabilities => Driver is IBulkPublisher ? ["BULK_PUBSUB"] : [];

    public ValueTask DisposeAsync() => Driver.DisposeAsync();
}
