using Gateway.Drivers;
using Gateway.Drivers.InMemory;

namespace Gateway.Pubsub;

/// <summary>The drivers this build of the gateway has, by component <c>spec.type</c>.</summary>
internal static class DriverCatalog
{
    public static IReadOnlyDictionary<string, IPubSubDriverFactory> Default { get; } = Create(new InMemoryDriverFactory());

    public static IReadOnlyDictionary<string, IPubSubDriverFactory> Create(params IPubSubDriverFactory[] factories) =>
        factories.ToDictionary(factory => factory.ComponentType, StringComparer.Ordinal);
}
