using Gateway.Drivers;
using Gateway.Resources;

namespace Gateway.Pubsub;

/// <summary>Every loaded pub/sub component, with one running driver each.</summary>
internal sealed class ComponentRegistry : IAsyncDisposable
{
    private readonly IReadOnlyList<PubsubComponent> _components;

    private ComponentRegistry(IReadOnlyList<PubsubComponent> components) => _components = components;

    public IReadOnlyList<PubsubComponent> All => _components;

    /// <summary>Creates a driver for every component. Metadata was validated when the resources were loaded.</summary>
    public static ComponentRegistry Create(
        ResourceSet resources,
        IReadOnlyDictionary<string, IPubSubDriverFactory> factories,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider)
    {
        var components = new List<PubsubComponent>(resources.Components.Count);
        foreach (var spec in resources.Components)
        {
            var metadata = spec.Metadata
                .GroupBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.OrdinalIgnoreCase);
            var driver = factories[spec.Type].Create(new DriverContext(spec.Name, metadata, loggerFactory, timeProvider));
            components.Add(new PubsubComponent(spec, driver));
        }

        return new ComponentRegistry(components);
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
}
