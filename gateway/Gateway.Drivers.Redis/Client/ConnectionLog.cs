using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Logs what happens to a component's connections, once per change: the client reports every failed
/// reconnection attempt, and an outage would otherwise log twice a second until it ends.
/// </summary>
internal sealed class ConnectionLog(ILogger logger, string componentName)
{
    private readonly ConcurrentDictionary<string, ConnectionFailureType> _down = new(StringComparer.Ordinal);

    public void Failed(EndPoint? endpoint, ConnectionFailureType failure)
    {
        var where = endpoint?.ToString() ?? "server";
        if (_down.TryAdd(where, failure))
        {
            RedisLog.ConnectionAttemptFailed(logger, componentName, where, failure.ToString());
        }
    }

    public void Restored(EndPoint? endpoint)
    {
        var where = endpoint?.ToString() ?? "server";
        if (_down.TryRemove(where, out _))
        {
            RedisLog.ConnectionChanged(logger, componentName, where, "restored");
        }
    }

    public void Refused(string message) => RedisLog.CredentialsRefused(logger, componentName, message);
}
