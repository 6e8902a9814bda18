using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>The driver conformance suite on a Sentinel set: <c>failover: true</c>, sentinels in <c>redisHost</c>.</summary>
[Collection(RedisSentinelCollection.Name)]
public sealed class RedisSentinelConformanceTests(RedisSentinelFixture sentinel) : DriverConformance
{
    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(15);

    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata) =>
        Task.FromResult(RedisTopologyDrivers.Create(componentName, sentinel.Set.Metadata, extraMetadata));
}

/// <summary>The record store suite on a Sentinel set.</summary>
[Collection(RedisSentinelCollection.Name)]
public sealed class RedisSentinelRecordStoreConformanceTests(RedisSentinelFixture sentinel) : RecordStoreConformance
{
    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata) =>
        Task.FromResult(RedisTopologyDrivers.Create(componentName, sentinel.Set.Metadata, extraMetadata));

    protected override IReadOnlyDictionary<string, string> UnreachableBrokerMetadata() => RedisTopologyDrivers.Unreachable;
}

/// <summary>The driver conformance suite on a three-primary Redis Cluster: <c>redisType: cluster</c>.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterConformanceTests(RedisClusterFixture cluster) : DriverConformance
{
    protected override TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(15);

    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata) =>
        Task.FromResult(RedisTopologyDrivers.Create(componentName, cluster.Set.Metadata, extraMetadata));
}

/// <summary>The record store suite on a three-primary Redis Cluster (the store's hash is one key, on one node).</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterRecordStoreConformanceTests(RedisClusterFixture cluster) : RecordStoreConformance
{
    protected override Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata) =>
        Task.FromResult(RedisTopologyDrivers.Create(componentName, cluster.Set.Metadata, extraMetadata));

    protected override IReadOnlyDictionary<string, string> UnreachableBrokerMetadata() => RedisTopologyDrivers.Unreachable;
}

/// <summary>Drivers for the topology suites: the topology's metadata, quick redelivery, and the suite's own keys.</summary>
internal static class RedisTopologyDrivers
{
    public static IReadOnlyDictionary<string, string> Unreachable => new Dictionary<string, string>
    {
        [RedisOptions.RedisHostKey] = $"127.0.0.1:{Topologies.RedisProcess.FreePort()}",
        [RedisOptions.DialTimeoutKey] = "2s",
    };

    public static IPubSubDriver Create(string componentName, IReadOnlyDictionary<string, string> topology, IReadOnlyDictionary<string, string> extraMetadata)
    {
        var metadata = new Dictionary<string, string>(topology, StringComparer.OrdinalIgnoreCase)
        {
            [RedisOptions.ProcessingTimeoutKey] = "200ms",
            [RedisOptions.RedeliverIntervalKey] = "100ms",
        };
        foreach (var (key, value) in extraMetadata)
        {
            metadata[key] = value;
        }

        // The unreachable-broker case replaces the topology with one closed port.
        if (extraMetadata.ContainsKey(RedisOptions.RedisHostKey))
        {
            metadata.Remove(RedisOptions.RedisTypeKey);
            metadata.Remove(RedisOptions.FailoverKey);
            metadata.Remove(RedisOptions.SentinelMasterNameKey);
        }

        var factory = new RedisDriverFactory();
        Assert.Empty(factory.Validate(metadata));
        return factory.Create(new DriverContext(componentName, metadata, NullLoggerFactory.Instance, TimeProvider.System));
    }
}
