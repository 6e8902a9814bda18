using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// The blocking reads of a component's subscriptions outside a Redis Cluster: subscriptions of the same consumer
/// (consumer group and consumer name, so of one group in one gateway process) share reads in lanes
/// (<see cref="SharedReadLane"/>) of at most <see cref="StreamsPerRead"/> members, each lane one connection to the
/// primary. A new subscription joins the first lane with room, else opens one; a lane whose last member leaves closes
/// its connection. So N subscriptions of one consumer hold ceil(N / <see cref="StreamsPerRead"/>) reader connections
/// while subscriptions are only added; after some stop, a lane stays open as long as it has a member, and new
/// subscriptions fill lanes with room before a new one opens.
/// </summary>
/// <remarks><see cref="_gate"/> guards <see cref="_lanes"/> and <see cref="_disposed"/>; it is taken before a lane's own lock, never after.</remarks>
internal sealed class SharedStreamReads(RedisConnection shared, TimeProvider timeProvider, ILogger logger, string componentName) : IAsyncDisposable
{
    /// <summary>
    /// Most subscriptions (so streams) in one read. It bounds what one read costs the server when it blocks and is
    /// woken (Redis registers the client on every key it names) and what one reply can carry (at most this many times
    /// <c>COUNT</c> entries, <c>COUNT</c> being at most <c>concurrency</c>), while 1,000 subscriptions need 16 connections.
    /// </summary>
    public const int StreamsPerRead = 64;

    private readonly Dictionary<(string Group, string Consumer), List<SharedReadLane>> _lanes = [];
    private readonly Lock _gate = new();
    private int _wakeUpsRefused;
    private bool _disposed;

    /// <summary>
    /// How long one shared read blocks before it is sent again when nothing arrives. Nothing waits for it to end: a
    /// request for a stream it does not name wakes it (<c>CLIENT UNBLOCK</c>), a request's own block time ends the
    /// request alone, a primary turned replica ends it (<c>UNBLOCKED</c>) and a closed connection fails it. What it
    /// bounds is how long a connection that went silent (a partition, no reset) goes unnoticed: the block, plus the
    /// reader's command timeout margin and heartbeat (<see cref="RedisClientConfiguration.Reader"/>), about 20 s with
    /// the default <c>readTimeout</c>, and how long a new request waits when its wake-up could not be sent (a passing
    /// error, or the read not yet blocked after <see cref="SharedReadLane"/>'s retries). Each lane sends one read per
    /// block when idle; at 2 s, 1,000 subscriptions' 16 lanes woke the process 8 times a second.
    /// </summary>
    public static readonly TimeSpan IdleBlock = TimeSpan.FromSeconds(10);

    /// <summary>How long one shared read blocks: <see cref="IdleBlock"/>; longer in tests only, to tell a woken read from one that ended by itself.</summary>
    internal TimeSpan ReadBlock { get; init; } = IdleBlock;

    /// <summary>True once the server refused <c>CLIENT ID</c> or <c>CLIENT UNBLOCK</c>: lanes then poll with short blocks.</summary>
    public bool WakeUpsRefused => Volatile.Read(ref _wakeUpsRefused) != 0;

    /// <summary>A reader of <paramref name="stream"/> that joins a lane at its first read; the caller disposes it.</summary>
    public IStreamReader Open(string stream) => new SharedStreamReader(this, stream);

    /// <summary>The lanes open now, for tests.</summary>
    internal int LaneCount
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Values.Sum(lanes => lanes.Count);
            }
        }
    }

    public SharedReadLane Join(string group, string consumer, string stream)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new RedisCommandFailure(shared.Where, "XREADGROUP", "the client is shutting down", RedisFailureKind.Connection);
            }

            if (!_lanes.TryGetValue((group, consumer), out var lanes))
            {
                _lanes[(group, consumer)] = lanes = [];
            }

            foreach (var lane in lanes)
            {
                if (lane.TryJoin(stream))
                {
                    return lane;
                }
            }

            var opened = new SharedReadLane(this, shared, timeProvider, group, consumer);
            opened.TryJoin(stream);
            lanes.Add(opened);
            return opened;
        }
    }

    public async ValueTask LeaveAsync(SharedReadLane lane, string stream)
    {
        lock (_gate)
        {
            if (!lane.Leave(stream))
            {
                return;
            }

            if (_lanes.TryGetValue((lane.Group, lane.Consumer), out var lanes) && lanes.Remove(lane) && lanes.Count == 0)
            {
                _lanes.Remove((lane.Group, lane.Consumer));
            }
        }

        await lane.DisposeAsync();
    }

    /// <summary>
    /// <c>CLIENT UNBLOCK id TIMEOUT</c> on the shared connection: the blocked read ends as if its block time had passed.
    /// True when done (woken, or no use trying again: refused, not connected); false when the client was not blocked.
    /// </summary>
    public async Task<bool> UnblockAsync(EndPoint endpoint, long clientId)
    {
        try
        {
            var multiplexer = await shared.GetAsync("CLIENT UNBLOCK", CancellationToken.None);
            return (long)await multiplexer.GetServer(endpoint).ExecuteAsync("CLIENT", "UNBLOCK", clientId, "TIMEOUT") == 1;
        }
        catch (RedisServerException refused) when (IsRefusal(refused))
        {
            RefuseWakeUps(refused.Message);
            return true;
        }
        catch (RedisCommandException refused)
        {
            RefuseWakeUps(refused.Message);
            return true;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure) || failure is ArgumentException)
        {
            // The read ends by itself within its block time; the next one names the waiting stream.
            return true;
        }
    }

    /// <summary>The server will not run <c>CLIENT ID</c> or <c>CLIENT UNBLOCK</c> for this user at all (ACL, renamed or unknown command), as opposed to a passing error.</summary>
    public static bool IsRefusal(RedisServerException error) =>
        error.Message.StartsWith("NOPERM", StringComparison.Ordinal) || error.Message.StartsWith("ERR unknown", StringComparison.OrdinalIgnoreCase);

    /// <summary>From now on lanes poll with <see cref="SharedReadLane.PollingBlock"/>; logged once per component.</summary>
    public void RefuseWakeUps(string reason)
    {
        if (Interlocked.Exchange(ref _wakeUpsRefused, 1) == 0)
        {
            RedisLog.WakeUpsRefused(logger, componentName, reason, SharedReadLane.PollingBlock);
        }
    }

    public async ValueTask DisposeAsync()
    {
        SharedReadLane[] open;
        lock (_gate)
        {
            _disposed = true;
            open = [.. _lanes.Values.SelectMany(lanes => lanes)];
            _lanes.Clear();
        }

        foreach (var lane in open)
        {
            await lane.DisposeAsync();
        }
    }
}
