namespace Gateway.Drivers.Redis;

/// <summary>What <c>redisHost</c> names, from <c>redisType</c> and <c>failover</c>.</summary>
public enum RedisTopology
{
    /// <summary>One server (<c>redisType: node</c>, the default).</summary>
    Node,

    /// <summary>A Redis Cluster; <c>redisHost</c> lists one or more of its nodes (<c>redisType: cluster</c>).</summary>
    Cluster,

    /// <summary>A primary and its replicas found through Sentinel; <c>redisHost</c> lists the sentinels (<c>failover: true</c>).</summary>
    Sentinel,
}
