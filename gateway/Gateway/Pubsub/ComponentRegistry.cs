using Gateway.Drivers;
using Gateway.Resources;

namespace Gateway.Pubsub;

/// <summary>
/// Every loaded pub/sub component, with one running driver each. The set can be replaced while the
/// gateway runs (live reload); every lookup reads one consistent set.
/// </summary>
internal sealed class ComponentRegistry : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, IPubSubDriverFactory> _factories;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;
    private readonly string _podName;
    private volatile IReadOnlyList<PubsubComponent> _components = [];

    private ComponentRegistry(IReadOnlyDictionary<string, IPubSubDriverFactory> factories, ILoggerFactory loggerFactory, TimeProvider timeProvider, string podName)
    {
        _factories = factories;
        _loggerFactory = loggerFactory;
        _timeProvider = timeProvider;
        _podName = podName;
    }

    public IReadOnlyList<PubsubComponent> All => _components;

    /// <summary>Creates a driver for every component. Metadata was validated when the resources were loaded.</summary>
    /// <param name="podName">This replica's name, the value of <c>{podName}</c> (<see cref="Resources.Markers.ReplicaName"/>).</param>
    public static ComponentRegistry Create(
        ResourceSet resources,
        IReadOnlyDictionary<string, IPubSubDriverFactory> factories,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        string podName)
    {
        var registry = new ComponentRegistry(factories, loggerFactory, timeProvider, podName);
        registry._components = [.. resources.Components.Select(registry.CreateComponent)];
        return registry;
    }

    /// <summary>
    /// Makes <paramref name="resources"/> the current set. A component whose declaration is unchanged
    /// keeps its driver (and so its running subscriptions); a changed or new one gets a new driver.
    /// Returns the components no longer in use: the caller disposes them once nothing subscribes through them.
    /// </summary>
    public IReadOnlyList<PubsubComponent> Replace(ResourceSet resources)
    {
        var before = _components;
        var next = new List<PubsubComponent>(resources.Components.Count);
        foreach (var spec in resources.Components)
        {
            var kept = before.FirstOrDefault(component => ComponentSpecs.AreEquivalent(component.Spec, spec));
            next.Add(kept ?? CreateComponent(spec));
        }

        _components = next;
        return [.. before.Where(component => !next.Contains(component))];
    }

    /// <summary>The component named <paramref name="pubsubName"/> as this app sees it, or null when it does not exist for the app.</summary>
    public PubsubComponent? Find(string @namespace, string appId, string pubsubName)
    {
        foreach (var component in _components)
        {
            if (string.Equals(component.Name, pubsubName, StringComparison.Ordinal) && component.IsVisibleTo(@namespace, appId))
            {
                return component;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var component in _components)
        {
            await component.DisposeAsync();
        }
    }

    private PubsubComponent CreateComponent(ComponentSpec spec)
    {
        var markers = new ComponentMarkers(spec, _podName);
        var driver = _factories[spec.Type].Create(new DriverContext(spec.Name, markers.DriverMetadata(), _loggerFactory, _timeProvider));
        return new PubsubComponent(spec, driver, markers);
    }
}
