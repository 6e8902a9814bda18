using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Redis;

/// <summary>Classifies Redis failures once, at the driver boundary: may a retry succeed, or not until something changes?</summary>
internal static class RedisFailures
{
    /// <summary>Error codes the server uses for states that pass by themselves (a failover, a slot moving, a load).</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "CLUSTERDOWN", "READONLY", "NOREPLICAS", "OOM", "MOVED", "ASK", "UNBLOCKED",
    };

    public static bool IsTransient(RedisCommandFailure failure) => failure.Kind switch
    {
        RedisFailureKind.Connection or RedisFailureKind.ReplicasMissing => true,
        RedisFailureKind.Server => TransientCodes.Contains(failure.Code ?? string.Empty),
        _ => false,
    };

    public static DriverException NotStored(string componentName, string topic, RedisCommandFailure failure) =>
        new(RedisMessages.NotStored(componentName, topic, failure), IsTransient(failure), failure);

    public static DriverException NotSubscribed(string componentName, string topic, string group, RedisCommandFailure failure) =>
        new(RedisMessages.NotSubscribed(componentName, topic, group, failure), IsTransient(failure), failure);
}
