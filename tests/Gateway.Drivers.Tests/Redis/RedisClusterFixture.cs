using Gateway.Drivers.Tests.Redis.Topologies;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>One three-primary Redis Cluster shared by the tests of a collection.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private RedisClusterSet? _set;

    internal RedisClusterSet Set => _set ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _set = await RedisClusterSet.StartAsync(masters: 3);

    public async ValueTask DisposeAsync()
    {
        if (_set is not null)
        {
            await _set.DisposeAsync();
        }
    }
}
