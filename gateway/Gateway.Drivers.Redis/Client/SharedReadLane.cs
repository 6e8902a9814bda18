namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Blocking reads of up to <see cref="SharedStreamReads.StreamsPerRead"/> subscriptions of one consumer (group and
/// consumer name) on one connection. A loop sends one
/// <c>XREADGROUP GROUP g c COUNT n BLOCK ms STREAMS s1 s2 ... &gt; &gt; ...</c> naming every stream that has a request
/// waiting, or expected at once (<see cref="SharedLaneStream.ReadCount"/>; <c>COUNT</c> the smallest count asked for),
/// hands each stream's entries to its requests, and reads again. A request for a stream the read under way does not
/// name wakes it with <c>CLIENT UNBLOCK id TIMEOUT</c> (<see cref="SharedStreamReads.UnblockAsync"/>); a request whose
/// block time passes completes empty at once, while the read goes on. A failed read fails every waiting request
/// (their subscriptions back off and ask again) and drops the connection, so the next read binds again to whoever
/// owns the streams now (Sentinel failover, a primary turned replica), as <see cref="BlockingStreamReader"/> does.
/// </summary>
/// <remarks>
/// This file: members and requests; SharedReadLane.Reading.cs: the loop; SharedReadLane.Waking.cs: wake-ups.
/// Threads: the loop (one task) alone uses the connection (<see cref="_binding"/>, <see cref="_serverEndedRead"/>).
/// Callers of <see cref="ReadAsync"/>, their timers and cancellations, the pool (joining and leaving) and the loop meet
/// under <see cref="_gate"/>, which guards <see cref="_streams"/> (and each stream's requests), <see cref="_members"/>,
/// <see cref="_current"/>, <see cref="_idle"/> and <see cref="_closed"/>. Requests complete under it; their
/// continuations run on the thread pool.
/// </remarks>
internal sealed partial class SharedReadLane : IAsyncDisposable
{
    /// <summary>How long one read blocks when the server refuses <c>CLIENT UNBLOCK</c>: a new request waits at most this long.</summary>
    public static readonly TimeSpan PollingBlock = TimeSpan.FromMilliseconds(100);

    private const int WakeAttempts = 5;

    private readonly SharedStreamReads _pool;
    private readonly RedisConnection _shared;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, SharedLaneStream> _streams = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private readonly ReaderBinding _binding;
    private int _members;
    private SharedRead? _current;
    private TaskCompletionSource? _idle;
    private bool _closed;
    private bool _serverEndedRead;

    public SharedReadLane(SharedStreamReads pool, RedisConnection shared, TimeProvider timeProvider, string group, string consumer)
    {
        _pool = pool;
        _shared = shared;
        _timeProvider = timeProvider;
        Group = group;
        Consumer = consumer;
        _binding = new ReaderBinding(shared, pool.ReadBlock);
        _loop = Task.Run(RunAsync);
    }

    public string Group { get; }

    public string Consumer { get; }

    /// <summary>Adds a member reading <paramref name="stream"/>; false when the lane is full. Called under the pool's lock.</summary>
    public bool TryJoin(string stream)
    {
        lock (_gate)
        {
            if (_closed || _members >= SharedStreamReads.StreamsPerRead)
            {
                return false;
            }

            _members++;
            if (!_streams.TryGetValue(stream, out var lane))
            {
                _streams[stream] = lane = new SharedLaneStream(stream);
            }

            lane.Members++;
            return true;
        }
    }

    /// <summary>Removes a member (its requests are done); true when none is left. Called under the pool's lock.</summary>
    public bool Leave(string stream)
    {
        SharedRead? wake = null;
        bool empty;
        lock (_gate)
        {
            if (_streams.TryGetValue(stream, out var lane) && --lane.Members == 0)
            {
                // Entries read for it from now on stay pending for the consumer until processingTimeout; ending a read
                // that names it keeps that window short, as closing a subscription's own connection did.
                _streams.Remove(stream);
                if (_current is { } current && current.Names(stream) && !_pool.WakeUpsRefused && current.WantWake())
                {
                    wake = current;
                }
            }

            empty = --_members == 0;
        }

        if (wake is not null && !empty)
        {
            _ = WakeAsync(wake);
        }

        return empty;
    }

    /// <summary>
    /// Up to <paramref name="count"/> new entries of <paramref name="stream"/> (a stream of a member of this lane), or
    /// an empty list once <paramref name="block"/> has passed without any.
    /// </summary>
    public async Task<IReadOnlyList<StreamEntry>> ReadAsync(string stream, int count, TimeSpan block, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SharedReadRequest request;
        SharedRead? wake = null;
        lock (_gate)
        {
            if (_closed || !_streams.TryGetValue(stream, out var lane))
            {
                throw Closed();
            }

            request = new SharedReadRequest(lane, count);
            lane.Add(request);
            if (!request.Completion.IsCompleted)
            {
                if (_idle is { } idle)
                {
                    _idle = null;
                    idle.SetResult();
                }
                else if (_current is { } current && !current.Names(stream) && !_pool.WakeUpsRefused && current.WantWake())
                {
                    wake = current;
                }
            }
        }

        if (wake is not null)
        {
            _ = WakeAsync(wake);
        }

        if (request.Completion.IsCompleted)
        {
            return await request.Completion;
        }

        using var expiry = new CancellationTokenSource(block, _timeProvider);
        var state = new SharedReadRequestState(this, request);
        await using var expired = expiry.Token.UnsafeRegister(static state => Expire((SharedReadRequestState)state!), state);
        await using var cancelled = cancellationToken.UnsafeRegister(static (state, token) => Cancel((SharedReadRequestState)state!, token), state);
        return await request.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            FailWaiting(Closed());
            _idle?.SetResult();
            _idle = null;
        }

        await _closing.CancelAsync();
        await _loop;
        await _binding.UnbindAsync();
        _closing.Dispose();
    }

    /// <summary>The block time passed: an empty answer, as a blocking read that timed out gives; the shared read goes on.</summary>
    private static void Expire(SharedReadRequestState state)
    {
        lock (state.Lane._gate)
        {
            if (state.Request.Stream.Remove(state.Request))
            {
                state.Request.Complete([]);
            }
        }
    }

    /// <summary>The subscription stops: only its request goes.</summary>
    private static void Cancel(SharedReadRequestState state, CancellationToken cancellationToken)
    {
        lock (state.Lane._gate)
        {
            if (state.Request.Stream.Remove(state.Request))
            {
                state.Request.Cancel(cancellationToken);
            }
        }
    }

    private RedisCommandFailure Closed() => new(_shared.Where, "XREADGROUP", "the client is shutting down", RedisFailureKind.Connection);

    private sealed record SharedReadRequestState(SharedReadLane Lane, SharedReadRequest Request);
}
