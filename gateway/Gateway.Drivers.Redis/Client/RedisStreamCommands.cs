using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// The stream and hash commands over the component's shared multiplexer (<see cref="RedisConnection"/>), which
/// pipelines concurrent callers on one connection per server and routes each key to the server owning it.
/// Blocking reads never go here: <see cref="OpenReader"/> gives subscriptions reads shared on a few connections of
/// their own (<see cref="SharedStreamReads"/>), or in a Redis Cluster a connection each (<see cref="BlockingStreamReader"/>).
/// </summary>
internal sealed class RedisStreamCommands : IRedisStreams, IRedisHashes
{
    private readonly RedisConnection _connection;
    private readonly ReplicaAcks? _replicaAcks;
    private readonly SharedStreamReads? _sharedReads;

    public RedisStreamCommands(RedisConnection connection, RedisOptions options, SharedStreamReads sharedReads)
    {
        _connection = connection;
        // One XREADGROUP over streams in different hash slots fails with CROSSSLOT, so in a cluster each subscription reads alone.
        _sharedReads = options.Topology == RedisTopology.Cluster ? null : sharedReads;
        _replicaAcks = options.PublishReplicaAcks > 0 ? new ReplicaAcks(options, connection.Where, connection.Database) : null;
    }

    public string Where => _connection.Where;

    public async Task<string> AddAsync(StreamAddition addition, CancellationToken cancellationToken)
    {
        if (_replicaAcks is not null)
        {
            return await (await AddManyAsync([addition], cancellationToken))[0];
        }

        var multiplexer = await _connection.GetAsync("XADD", cancellationToken);
        try
        {
            // Inside the try: a multiplexer disposed meanwhile (the driver stopping) throws from GetDatabase.
            return (string)(await multiplexer.GetDatabase(_connection.Database).StreamAddAsync(addition.Stream, Fields(addition), AddOptions(addition.Trim)))!;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, Where, "XADD");
        }
    }

    public async Task<IReadOnlyList<Task<string>>> AddManyAsync(IReadOnlyList<StreamAddition> additions, CancellationToken cancellationToken)
    {
        var multiplexer = await _connection.GetAsync("XADD", cancellationToken);
        if (_replicaAcks is not null)
        {
            return await _replicaAcks.AddAndWaitAsync(multiplexer, additions);
        }

        var database = multiplexer.GetDatabase(_connection.Database);
        return [.. additions.Select(addition => Run("XADD", database.StreamAddAsync(addition.Stream, Fields(addition), AddOptions(addition.Trim)), id => (string)id!))];
    }

    public async Task<bool> CreateGroupAsync(string stream, string group, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("XGROUP", cancellationToken);
        try
        {
            return await database.StreamCreateConsumerGroupAsync(stream, group, "0", createStream: true);
        }
        catch (StackExchange.Redis.RedisServerException exists) when (exists.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            return false;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, Where, "XGROUP CREATE");
        }
    }

    public async Task AcknowledgeAsync(string stream, string group, string id, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("XACK", cancellationToken);
        await Run("XACK", database.StreamAcknowledgeAsync(stream, group, id), n => n);
    }

    public async Task<AutoClaimResult> AutoClaimAsync(string stream, string group, string consumer, TimeSpan minIdle, string start, int count, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("XAUTOCLAIM", cancellationToken);
        var result = await Run("XAUTOCLAIM", database.StreamAutoClaimAsync(stream, group, consumer, (long)minIdle.TotalMilliseconds, start, count), r => r);
        return new AutoClaimResult(
            [.. result.ClaimedEntries.Where(e => !e.IsNull).Select(StreamReplies.FromClient)],
            [.. (result.DeletedIds ?? []).Select(id => (string)id!)],
            result.IsNull ? AutoClaimResult.Beginning : (string?)result.NextStartId ?? AutoClaimResult.Beginning);
    }

    public async Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(string stream, string group, string consumer, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("XPENDING", cancellationToken);
        var ordered = ids.Order(StreamIdComparer.Instance).ToList();
        var pending = await Run("XPENDING", database.StreamPendingMessagesAsync(stream, group, ids.Count, consumer, ordered[0], ordered[^1]), p => p);
        return pending.ToDictionary(p => (string)p.MessageId!, p => p.DeliveryCount, StringComparer.Ordinal);
    }

    public async Task<long?> LagAsync(string stream, string group, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("XINFO", cancellationToken);
        try
        {
            var groups = await database.StreamGroupInfoAsync(stream);
            foreach (var info in groups)
            {
                if (info.Name == group)
                {
                    return info.Lag;
                }
            }

            return null;
        }
        catch (StackExchange.Redis.RedisServerException missing) when (missing.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, Where, "XINFO GROUPS");
        }
    }

    public Task<string?> CheckAsync(CancellationToken cancellationToken) => _connection.CheckAsync(cancellationToken);

    public IStreamReader OpenReader(string stream) => _sharedReads?.Open(stream) ?? new BlockingStreamReader(_connection, stream);

    public async Task SetAsync(string key, string field, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("HSET", cancellationToken);
        await Run("HSET", database.HashSetAsync(key, field, value.ToArray()), set => set);
    }

    public async Task<bool> DeleteAsync(string key, string field, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("HDEL", cancellationToken);
        return await Run("HDEL", database.HashDeleteAsync(key, field), deleted => deleted);
    }

    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> GetAllAsync(string key, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync("HGETALL", cancellationToken);
        var entries = await Run("HGETALL", database.HashGetAllAsync(key), e => e);
        return entries.ToDictionary(e => (string)e.Name!, e => (ReadOnlyMemory<byte>)((byte[]?)e.Value ?? []), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sharedReads is not null)
        {
            await _sharedReads.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private async Task<IDatabase> DatabaseAsync(string command, CancellationToken cancellationToken)
    {
        var multiplexer = await _connection.GetAsync(command, cancellationToken);
        try
        {
            return multiplexer.GetDatabase(_connection.Database);
        }
        catch (ObjectDisposedException disposed)
        {
            throw RedisErrors.Translate(disposed, Where, command);
        }
    }

    private async Task<TResult> Run<T, TResult>(string command, Task<T> call, Func<T, TResult> read)
    {
        try
        {
            return read(await call);
        }
        catch (Exception failure) when (RedisErrors.IsRedisFailure(failure))
        {
            throw RedisErrors.Translate(failure, Where, command);
        }
    }

    private static NameValueEntry[] Fields(StreamAddition addition)
    {
        var fields = new NameValueEntry[addition.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            // RedisValue keeps the memory as it is: the bytes are written before the reply that completes the call.
            fields[i] = new NameValueEntry(addition.Fields[i].Key, addition.Fields[i].Value);
        }

        return fields;
    }

    private static StreamAddOptions AddOptions(StreamTrim trim) => trim switch
    {
        { MaxLengthApprox: { } length } => new StreamAddOptions { MaxLength = length, Approximate = true },
        { MinIdApprox: { } minId } => new StreamAddOptions { MinId = minId, Approximate = true },
        _ => default,
    };
}
