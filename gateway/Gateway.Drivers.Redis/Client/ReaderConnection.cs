using System.Net;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Opens a connection for blocking reads: a small multiplexer of its own (StackExchange.Redis refuses blocking
/// commands on a shared one, they would stall every caller behind them), bound to the one server that owns
/// <c>key</c>: the primary (found through the shared connection, which follows Sentinel), or the cluster node
/// serving the key's hash slot.
/// </summary>
internal static class ReaderConnection
{
    public static async Task<(ConnectionMultiplexer Multiplexer, EndPoint Endpoint)> ConnectAsync(
        RedisConnection shared, RedisKey key, TimeSpan longestBlock, CancellationToken cancellationToken)
    {
        var owner = await shared.GetAsync("XREADGROUP", cancellationToken);
        IServer server;
        try
        {
            server = owner.GetServer(key, null, CommandFlags.DemandMaster);
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, shared.Where, "XREADGROUP");
        }

        var where = server.EndPoint.ToString() ?? shared.Where;
        if (!server.IsConnected)
        {
            throw new RedisCommandFailure(where, "XREADGROUP", "the primary owning the stream is not connected", RedisFailureKind.Connection);
        }

        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(RedisClientConfiguration.Reader(shared.Configuration, server.EndPoint, longestBlock)).WaitAsync(cancellationToken);
            return (multiplexer, server.EndPoint);
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, where, "XREADGROUP");
        }
    }

    /// <summary>
    /// Closes without waiting for a blocked read: an entry the server handed it now stays pending for the
    /// consumer until a member of the group claims it after <c>processingTimeout</c>.
    /// </summary>
    public static async Task CloseAsync(ConnectionMultiplexer multiplexer)
    {
        await multiplexer.CloseAsync(allowCommandsToComplete: false);
        await multiplexer.DisposeAsync();
    }
}
