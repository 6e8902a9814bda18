using Gateway.Drivers;
using Gateway.Drivers.InMemory;
using Gateway.Drivers.Kafka;
using Gateway.Drivers.Redis;

namespace Gateway.Pubsub;

/// <summary>The drivers this build of the gateway has, by component <c>spec.type</c>.</summary>
internal static class DriverCatalog
{
    public static IReadOnlyDictionary<string, IPubSubDriverFactory> Default { get; } = Create(new InMemoryDriverFactory(), new RedisDriverFactory(), new KafkaDriverFactory());

    public static IReadOnlyDictionary<string, IPubSubDriverFactory> Create(params IPubSubDriverFactory[] factories) =>
        factories.ToDictionary(factory => factory.ComponentType, StringComparer.Ordinal);
}
