namespace Gateway.Drivers.Tests.Redis;

/// <summary>The driver and record store suites on one Sentinel set, started once.</summary>
[CollectionDefinition(Name)]
public sealed class RedisSentinelCollection : ICollectionFixture<RedisSentinelFixture>
{
    public const string Name = "redis-sentinel";
}

/// <summary>The driver and record store suites on one three-primary cluster, started once.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "redis-cluster";
}
