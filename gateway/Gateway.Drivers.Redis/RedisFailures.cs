using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>Classifies Redis failures once, at the driver boundary: may a retry succeed, or not until something changes?</summary>
internal static class RedisFailures
{
    /// <summary>Error codes the server uses for states that pass by themselves.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN", "READONLY", "NOREPLICAS", "OOM",
    };

    public static bool IsTransient(RedisException failure) => failure switch
    {
        RedisConnectionException => true,
        RedisServerException server => TransientCodes.Contains(server.Code),
        _ => false,
    };

    public static DriverException NotStored(string componentName, string topic, RedisException failure) =>
        new(RedisMessages.NotStored(componentName, topic, failure), IsTransient(failure), failure);

    public static DriverException NotSubscribed(string componentName, string topic, string group, RedisException failure) =>
        new(RedisMessages.NotSubscribed(componentName, topic, group, failure), IsTransient(failure), failure);
}
