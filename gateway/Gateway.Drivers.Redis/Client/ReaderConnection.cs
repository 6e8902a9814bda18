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
        var server = RedisErrors.PrimaryOwning(owner, key, shared.Where, "XREADGROUP");
        if (!server.IsConnected)
        {
            throw new RedisCommandFailure(server.EndPoint.ToString() ?? shared.Where, "XREADGROUP", "the primary owning the stream is not connected", RedisFailureKind.Connection);
        }

        return (await OpenAsync(shared.Configuration, server.EndPoint, longestBlock, cancellationToken), server.EndPoint);
    }

    /// <summary>
    /// The reader's own client for <paramref name="endpoint"/>, connected, or a failure naming it. The shared connection
    /// may still name a server that has just gone away (a killed primary, before the client or the sentinels noticed):
    /// the reader then fails at once, and its subscriptions back off and bind again to whoever owns the streams by then,
    /// rather than waiting in a client that retries the dead address until an attempt fails (up to a heartbeat, 5 s).
    /// </summary>
    internal static async Task<ConnectionMultiplexer> OpenAsync(ConfigurationOptions shared, EndPoint endpoint, TimeSpan longestBlock, CancellationToken cancellationToken)
    {
        var connecting = ConnectionMultiplexer.ConnectAsync(RedisClientConfiguration.Reader(shared, endpoint, longestBlock));
        try
        {
            return await connecting.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Closing: a client that connects after all has no one to read for.
            _ = connecting.ContinueWith(static t => t.IsCompletedSuccessfully ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask, TaskScheduler.Default);
            throw;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, endpoint.ToString() ?? "the reader's server", "XREADGROUP");
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
