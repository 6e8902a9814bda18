using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>Consumer lag from <c>XINFO GROUPS</c>: stream entries the group has not had delivered yet (Redis 7 or later).</summary>
internal sealed partial class RedisDriver : IConsumerLag
{
    public async ValueTask<long?> GetLagAsync(string topic, string consumerGroup, CancellationToken cancellationToken)
    {
        if (_streams is not IRedisGroupInfo info)
        {
            return null;
        }

        try
        {
            return await info.XInfoGroupLagAsync(topic, consumerGroup, cancellationToken);
        }
        catch (RedisException)
        {
            // Unknown until the server answers again; the gauge leaves the series out meanwhile.
            return null;
        }
    }
}
