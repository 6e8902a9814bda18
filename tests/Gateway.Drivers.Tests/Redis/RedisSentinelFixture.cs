using Gateway.Drivers.Tests.Redis.Topologies;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>One Sentinel set (primary, replica, three sentinels) shared by the tests of a collection.</summary>
public sealed class RedisSentinelFixture : IAsyncLifetime
{
    private RedisSentinelSet? _set;

    internal RedisSentinelSet Set => _set ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _set = await RedisSentinelSet.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_set is not null)
        {
            await _set.DisposeAsync();
        }
    }
}
