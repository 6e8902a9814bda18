using Gateway.Drivers.InMemory;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.InMemory;

/// <summary>The driver conformance suite against <c>pubsub.in-memory</c>.</summary>
public sealed class InMemoryConformanceTests : DriverConformance
{
    /// <summary>Short, so that redelivery tests finish quickly; the default of 1s would work too.</summary>
    private static readonly IReadOnlyDictionary<string, string> FixtureMetadata = new Dictionary<string, string>
    {
        [InMemoryOptions.RedeliveryDelayKey] = "50ms",
    };

    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(10);

    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var metadata = new Dictionary<string, string>(FixtureMetadata, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in extraMetadata)
        {
            metadata[key] = value;
        }

        var factory = new InMemoryDriverFactory();
        Assert.Empty(factory.Validate(metadata));
        var context = new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System);
        return Task.FromResult(factory.Create(context));
    }
}
