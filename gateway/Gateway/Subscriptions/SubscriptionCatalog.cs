using Gateway.Resources;
using Gateway.Scopes;

namespace Gateway.Subscriptions;

/// <summary>
/// Every app's subscriptions from every source: <c>Subscription</c> resources, the app's own
/// <c>GET /dapr/subscribe</c> (programmatic), and the gateway's runtime API. For each (pubsub, topic)
/// one definition wins, as in Dapr: declarative ones in manifest order, a programmatic one replacing a
/// declarative one in place, a runtime one replacing either in place.
/// </summary>
internal sealed class SubscriptionCatalog(ResourceSet resources)
{
    private readonly Dictionary<AppKey, IReadOnlyList<SubscriptionDefinition>> _programmatic = [];
    private readonly Dictionary<AppKey, IReadOnlyList<SubscriptionDefinition>> _runtime = [];
    private readonly Lock _lock = new();
    private volatile ResourceSet _resources = resources;

    /// <summary>The apps that can receive deliveries (those with an <c>App</c> resource).</summary>
    public IReadOnlyList<AppSpec> Apps => _resources.Apps;

    /// <summary>Uses the <c>Subscription</c> and <c>App</c> resources of <paramref name="next"/> from now on (live reload).</summary>
    public void Replace(ResourceSet next) => _resources = next;

    public AppSpec? FindApp(AppKey key) =>
        _resources.Apps.FirstOrDefault(app => app.Namespace == key.Namespace && app.AppId == key.AppId);

    /// <summary>Replaces what the app declared through <c>/dapr/subscribe</c>. Returns true when it changed.</summary>
    public bool SetProgrammatic(AppKey app, IReadOnlyList<SubscriptionDefinition> definitions) => Set(_programmatic, app, definitions);

    /// <summary>Replaces what the app declared through the runtime API. Returns true when it changed.</summary>
    public bool SetRuntime(AppKey app, IReadOnlyList<SubscriptionDefinition> definitions) => Set(_runtime, app, definitions);

    /// <summary>Every app's runtime subscriptions, for the store.</summary>
    public Dictionary<AppKey, IReadOnlyList<SubscriptionDefinition>> AllRuntime()
    {
        lock (_lock)
        {
            return _runtime.Where(pair => pair.Value.Count > 0).ToDictionary(pair => pair.Key, pair => pair.Value);
        }
    }

    public IReadOnlyList<SubscriptionDefinition> Runtime(AppKey app)
    {
        lock (_lock)
        {
            return _runtime.GetValueOrDefault(app) ?? [];
        }
    }

    /// <summary>The winning definition per (pubsub, topic) for one app, in listing order.</summary>
    public IReadOnlyList<SubscriptionDefinition> EffectiveFor(AppSpec app)
    {
        var key = new AppKey(app.Namespace, app.AppId);
        var effective = new List<SubscriptionDefinition>();
        foreach (var spec in _resources.Subscriptions)
        {
            if (spec.Namespace == app.Namespace && ResourceScopes.AppliesTo(spec.Scopes, app.AppId))
            {
                AddOrReplace(effective, SubscriptionDefinition.FromSpec(spec), replace: false);
            }
        }

        lock (_lock)
        {
            foreach (var definition in _programmatic.GetValueOrDefault(key) ?? [])
            {
                AddOrReplace(effective, definition, replace: true);
            }

            foreach (var definition in _runtime.GetValueOrDefault(key) ?? [])
            {
                AddOrReplace(effective, definition, replace: true);
            }
        }

        return effective;
    }

    private bool Set(Dictionary<AppKey, IReadOnlyList<SubscriptionDefinition>> source, AppKey app, IReadOnlyList<SubscriptionDefinition> definitions)
    {
        lock (_lock)
        {
            var before = source.GetValueOrDefault(app) ?? [];
            source[app] = definitions;
            return !before.Select(d => d.Fingerprint).SequenceEqual(definitions.Select(d => d.Fingerprint), StringComparer.Ordinal);
        }
    }

    private static void AddOrReplace(List<SubscriptionDefinition> effective, SubscriptionDefinition definition, bool replace)
    {
        var index = effective.FindIndex(existing => existing.PubsubName == definition.PubsubName && existing.Topic == definition.Topic);
        if (index < 0)
        {
            effective.Add(definition);
        }
        else if (replace)
        {
            effective[index] = definition;
        }
    }
}
