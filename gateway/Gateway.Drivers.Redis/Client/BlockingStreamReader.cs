using System.Net;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// One subscription's blocking reads. StackExchange.Redis refuses blocking commands on a shared multiplexer
/// (they would stall every caller behind them), so this reader keeps a small multiplexer of its own, bound to
/// the one server that owns the stream: the primary (found through the shared connection, which follows
/// Sentinel), or the cluster node serving the stream's hash slot. After a failure (the server went away, the
/// slot moved, the primary became a replica) it drops that connection and binds again to whoever owns the
/// stream now. Used by one loop at a time (the subscription's), so it needs no lock.
/// </summary>
internal sealed class BlockingStreamReader(RedisConnection shared, string stream) : IStreamReader
{
    /// <summary>The longest block a subscription asks for; the reader's command timeout leaves room for it.</summary>
    public static readonly TimeSpan LongestBlock = TimeSpan.FromSeconds(2);

    private ConnectionMultiplexer? _bound;
    private EndPoint? _endpoint;

    public async Task<IReadOnlyList<StreamEntry>> ReadGroupAsync(string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken)
    {
        var multiplexer = await BindAsync(cancellationToken);
        var where = _endpoint?.ToString() ?? shared.Where;
        var blockMilliseconds = (long)Math.Clamp(Math.Ceiling(block.TotalMilliseconds), 1, LongestBlock.TotalMilliseconds);
        var read = multiplexer.GetDatabase(shared.Database).ExecuteAsync(
            "XREADGROUP", ["GROUP", group, consumer, "COUNT", count, "BLOCK", blockMilliseconds, "STREAMS", (RedisKey)stream, ">"], CommandFlags.NoRedirect);
        try
        {
            return StreamReplies.FromReadGroup(await read.WaitAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The server may still answer the read; dropping the connection keeps that answer from anyone.
            await UnbindAsync();
            _ = read.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            var translated = RedisErrors.Translate(failure, where, "XREADGROUP");
            // Whatever failed (the server went away, the slot moved, the primary became a replica, or this
            // connection went to a node that came back empty), the next read binds again to the stream's owner.
            await UnbindAsync();
            throw translated;
        }
    }

    public ValueTask DisposeAsync() => new(UnbindAsync());

    private async Task<ConnectionMultiplexer> BindAsync(CancellationToken cancellationToken)
    {
        if (_bound is { } bound)
        {
            return bound;
        }

        var owner = await shared.GetAsync("XREADGROUP", cancellationToken);
        var server = owner.GetServer((RedisKey)stream, null, CommandFlags.DemandMaster);
        if (!server.IsConnected)
        {
            throw new RedisCommandFailure(server.EndPoint.ToString() ?? shared.Where, "XREADGROUP", "the primary owning the stream is not connected", RedisFailureKind.Connection);
        }

        try
        {
            _bound = await ConnectionMultiplexer.ConnectAsync(RedisClientConfiguration.Reader(shared.Configuration, server.EndPoint, LongestBlock)).WaitAsync(cancellationToken);
            _endpoint = server.EndPoint;
            return _bound;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, server.EndPoint.ToString() ?? shared.Where, "XREADGROUP");
        }
    }

    private async Task UnbindAsync()
    {
        if (_bound is { } bound)
        {
            _bound = null;
            // Not waiting for the blocked read: an entry the server handed it now would stay pending for a
            // consumer that is going away, until another one claims it after processingTimeout.
            await bound.CloseAsync(allowCommandsToComplete: false);
            await bound.DisposeAsync();
        }
    }
}
