using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// One subscription's blocking reads on a connection of its own (<see cref="ReaderConnection"/>), bound to the
/// server that owns the stream. Used in a Redis Cluster, where streams of one subscriber live in different hash
/// slots and one <c>XREADGROUP</c> over several of them fails with <c>CROSSSLOT</c>; elsewhere subscriptions share
/// reads (<see cref="SharedStreamReads"/>). After a failure (the server went away, the
/// slot moved, the primary became a replica) it drops that connection and binds again to whoever owns the
/// stream now. Used by one loop at a time (the subscription's), so it needs no lock.
/// </summary>
internal sealed class BlockingStreamReader(RedisConnection shared, string stream) : IStreamReader
{
    /// <summary>The longest block sent to the server (a longer one asked for ends after this, empty); the reader's command timeout leaves room for it.</summary>
    public static readonly TimeSpan LongestBlock = TimeSpan.FromSeconds(2);

    private readonly ReaderBinding _binding = new(shared, LongestBlock);

    public async Task<IReadOnlyList<StreamEntry>> ReadGroupAsync(string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken)
    {
        var (multiplexer, endpoint) = await _binding.BindAsync(stream, cancellationToken);
        var where = endpoint.ToString() ?? shared.Where;
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
            await _binding.UnbindAsync();
            _ = read.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            var translated = RedisErrors.Translate(failure, where, "XREADGROUP");
            // Whatever failed (the server went away, the slot moved, the primary became a replica, or this
            // connection went to a node that came back empty), the next read binds again to the stream's owner.
            await _binding.UnbindAsync();
            throw translated;
        }
    }

    public ValueTask DisposeAsync() => new(_binding.UnbindAsync());
}
