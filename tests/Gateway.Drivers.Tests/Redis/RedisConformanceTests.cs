using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>The driver conformance suite against <c>pubsub.redis</c> on a real <c>redis-server</c>.</summary>
public sealed class RedisConformanceTests(RedisServerFixture server) : DriverConformance, IClassFixture<RedisServerFixture>
{
    /// <summary>
    /// Short redelivery timings, so that an entry a handler refused is claimed again well within the
    /// suite's patience; the defaults (60s / 15s) would need minutes.
    /// </summary>
    private IReadOnlyDictionary<string, string> FixtureMetadata => new Dictionary<string, string>
    {
        [RedisOptions.RedisHostKey] = server.Address,
        [RedisOptions.ProcessingTimeoutKey] = "200ms",
        [RedisOptions.RedeliverIntervalKey] = "100ms",
    };

    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(15);

    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var metadata = new Dictionary<string, string>(FixtureMetadata, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in extraMetadata)
        {
            metadata[key] = value;
        }

        var factory = new RedisDriverFactory();
        Assert.Empty(factory.Validate(metadata));
        var context = new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System);
        return Task.FromResult(factory.Create(context));
    }
}
