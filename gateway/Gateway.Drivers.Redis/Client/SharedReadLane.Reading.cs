using System.Net;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>The loop of a <see cref="SharedReadLane"/>: one shared read after another, and waking the one under way.</summary>
internal sealed partial class SharedReadLane
{
    private async Task RunAsync()
    {
        var closing = _closing.Token;
        while (!closing.IsCancellationRequested)
        {
            SharedRead? read;
            int count;
            Task? idle = null;
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }

                read = NextRead(out count);
                _current = read;
                if (read is null)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    idle = _idle.Task;
                }
            }

            if (idle is not null)
            {
                await idle;
                continue;
            }

            try
            {
                await ReadOnceAsync(read!, count, closing);
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception unexpected)
            {
                // Never leave subscriptions waiting on a loop that died: they back off and ask again.
                await FailAsync(new RedisCommandFailure(_binding.Endpoint?.ToString() ?? _shared.Where, "XREADGROUP", unexpected.Message, RedisFailureKind.Connection, unexpected));
            }
        }
    }

    /// <summary>
    /// A read for every stream with a waiting (or expected, <see cref="SharedLaneStream.ReadCount"/>) request, <c>COUNT</c>
    /// the smallest of their counts; null when none waits.
    /// </summary>
    private SharedRead? NextRead(out int count)
    {
        count = int.MaxValue;
        var streams = new List<string>();
        foreach (var lane in _streams.Values)
        {
            if (lane.ReadCount is { } wanted)
            {
                streams.Add(lane.Name);
                count = Math.Min(count, wanted);
                lane.Named();
            }
        }

        return streams.Count == 0 ? null : new SharedRead(streams);
    }

    private async Task ReadOnceAsync(SharedRead read, int count, CancellationToken closing)
    {
        ConnectionMultiplexer multiplexer;
        EndPoint endpoint;
        try
        {
            (multiplexer, endpoint) = await _binding.BindAsync(read.Streams[0], closing);
        }
        catch (RedisCommandFailure failure)
        {
            await FailAsync(failure);
            return;
        }

        var where = endpoint.ToString() ?? _shared.Where;
        Task<RedisResult>? clientId = null;
        Task<RedisResult> reply;
        try
        {
            var database = multiplexer.GetDatabase(_shared.Database);
            if (!_pool.WakeUpsRefused)
            {
                // Sent before the read on the same connection, so the id is that of the connection the read blocks,
                // also after the client reconnected on its own.
                clientId = IdentifyAsync(database);
            }

            reply = database.ExecuteAsync("XREADGROUP", Arguments(read, count, clientId is null ? PollingBlock : _pool.ReadBlock), CommandFlags.NoRedirect);
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            await FailAsync(RedisErrors.Translate(failure, where, "XREADGROUP"));
            return;
        }

        long? id;
        try
        {
            id = clientId is null ? null : await IdentifiedAsync(clientId);
        }
        catch (OperationCanceledException)
        {
            _ = reply.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw;
        }

        if (id is not null)
        {
            bool wake;
            lock (_gate)
            {
                wake = read.Identified(id.Value, endpoint);
            }

            if (wake)
            {
                _ = WakeAsync(read);
            }
        }

        IReadOnlyList<(string Stream, IReadOnlyList<StreamEntry> Entries)> entries;
        try
        {
            entries = StreamReplies.FromReadGroupByStream(await reply.WaitAsync(closing));
        }
        catch (OperationCanceledException)
        {
            // Closing: the connection is dropped next, so the server's answer reaches no one.
            _ = reply.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            var translated = RedisErrors.Translate(failure, where, "XREADGROUP");
            if (translated.Code == "NOGROUP" && MissingGroupOf(read, translated) is { } missing)
            {
                // One stream lost its group (or the stream was deleted): only its subscription needs to act; the
                // server is fine, so the others read again at once on the same connection.
                lock (_gate)
                {
                    _current = null;
                    if (_streams.TryGetValue(missing, out var lane))
                    {
                        lane.FailAll(translated);
                    }
                }

                _serverEndedRead = false;
                return;
            }

            if (translated.Kind == RedisFailureKind.Server && read.Streams.Count > 1 && await NotStreamsAsync(read, closing) is { Count: > 0 } wrong)
            {
                // A key that is no longer a stream (WRONGTYPE) fails the whole read; only its subscription is told.
                lock (_gate)
                {
                    _current = null;
                    foreach (var stream in wrong)
                    {
                        if (_streams.TryGetValue(stream, out var lane))
                        {
                            lane.FailAll(translated);
                        }
                    }
                }

                return;
            }

            if (translated.Code is "NOGROUP" or "UNBLOCKED" && !_serverEndedRead)
            {
                // The server ended the blocked read because a group or stream it named went away, without saying
                // which: the next read, sent at once, is refused naming the stream (handled above) or goes on.
                _serverEndedRead = true;
                lock (_gate)
                {
                    _current = null;
                }

                return;
            }

            _serverEndedRead = false;
            await FailAsync(translated);
            return;
        }

        _serverEndedRead = false;
        lock (_gate)
        {
            _current = null;
            foreach (var (stream, got) in entries)
            {
                // A stream whose last member left meanwhile has none to take them: they stay pending for the
                // consumer, and a member of the group claims them again after processingTimeout.
                if (_streams.TryGetValue(stream, out var lane))
                {
                    lane.Deliver(got);
                }
            }
        }
    }

    /// <summary>The streams of <paramref name="read"/> whose keys now hold something else (<c>TYPE</c> on the shared connection); empty when unknown.</summary>
    private async Task<IReadOnlyList<string>> NotStreamsAsync(SharedRead read, CancellationToken closing)
    {
        try
        {
            var database = (await _shared.GetAsync("TYPE", closing)).GetDatabase(_shared.Database);
            var types = await Task.WhenAll(read.Streams.Select(stream => database.KeyTypeAsync(stream)));
            return [.. read.Streams.Where((_, i) => types[i] is not (RedisType.Stream or RedisType.None))];
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            return [];
        }
    }

    private async Task FailAsync(RedisCommandFailure failure)
    {
        lock (_gate)
        {
            _current = null;
            FailWaiting(failure);
        }

        // Whatever failed (the server went away, the primary became a replica, the connection was killed), the next
        // read binds again to the streams' owner.
        await _binding.UnbindAsync();
    }

    private void FailWaiting(Exception failure)
    {
        foreach (var lane in _streams.Values)
        {
            lane.FailAll(failure);
        }
    }

    private object[] Arguments(SharedRead read, int count, TimeSpan block)
    {
        var arguments = new object[8 + (2 * read.Streams.Count)];
        (arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], arguments[5], arguments[6], arguments[7]) =
            ("GROUP", Group, Consumer, "COUNT", count, "BLOCK", (long)block.TotalMilliseconds, "STREAMS");
        for (var i = 0; i < read.Streams.Count; i++)
        {
            arguments[8 + i] = (RedisKey)read.Streams[i];
            arguments[8 + read.Streams.Count + i] = ">";
        }

        return arguments;
    }

    /// <summary>The stream a <c>NOGROUP</c> reply names ("No such key 's' or consumer group 'g' in XREADGROUP ..."), when it names one of this read's.</summary>
    private static string? MissingGroupOf(SharedRead read, RedisCommandFailure failure) =>
        read.Streams.FirstOrDefault(stream => failure.Reason.Contains($"No such key '{stream}' or consumer group", StringComparison.Ordinal));
}
