
namespace Gateway.Drivers.Redis.Resp;

/// <summary>The stream commands over a <see cref="RedisMultiplexer"/>, with their replies decoded.</summary>
internal sealed class RedisStreams(RedisMultiplexer multiplexer, Action<RedisConnectionEvent>? onEvent = null) : IRedisStreams, IRedisGroupInfo
{
    public RedisEndpoint Endpoint => multiplexer.Endpoint;

    public async Task<string> XAddAsync(StreamAddition addition, CancellationToken cancellationToken)
    {
        var command = XAdd(addition);
        return (await multiplexer.ExecuteAsync(command, cancellationToken)).AsString()
            ?? throw new RedisServerException(Endpoint, command.Name, "the entry was not added (null reply)");
    }

    public async Task<IReadOnlyList<Task<string>>> XAddBatchAsync(IReadOnlyList<StreamAddition> additions, CancellationToken cancellationToken)
    {
        var commands = additions.Select(XAdd).ToList();
        var replies = await multiplexer.ExecuteBatchAsync(commands, cancellationToken);
        return [.. replies.Select(async reply => (await reply).AsString() ?? throw new RedisServerException(Endpoint, "XADD", "the entry was not added (null reply)"))];
    }

    public async Task<bool> XGroupCreateAsync(string stream, string group, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("XGROUP", "CREATE").Add(stream).Add(group).Add("0").Add("MKSTREAM");
        try
        {
            await multiplexer.ExecuteAsync(command, cancellationToken);
            return true;
        }
        catch (RedisServerException exists) when (exists.Code == "BUSYGROUP")
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<StreamEntry>> XReadGroupAsync(string stream, string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("XREADGROUP").Add("GROUP").Add(group).Add(consumer)
            .Add("COUNT").Add(count).Add("BLOCK").Add(Milliseconds(block)).Add("STREAMS").Add(stream).Add(">");
        var reply = await multiplexer.ExecuteAsync(command, cancellationToken, extraTime: block);
        if (reply.IsNull)
        {
            return [];
        }

        // RESP3 answers with a map of stream name to entries; RESP2 with [[name, entries], ...].
        var perStream = reply.Kind == RespKind.Map
            ? reply.Items.Where((_, i) => i % 2 == 1)
            : reply.Items.Select(pair => pair.Items[1]);
        return [.. perStream.SelectMany(entries => StreamReplies.Entries(entries))];
    }

    public async Task<long> XAckAsync(string stream, string group, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("XACK").Add(stream).Add(group).AddRange(ids);
        return (await multiplexer.ExecuteAsync(command, cancellationToken)).AsInteger();
    }

    public async Task<IReadOnlyList<PendingEntry>> XPendingAsync(string stream, string group, TimeSpan minIdle, int count, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("XPENDING").Add(stream).Add(group)
            .Add("IDLE").Add(Milliseconds(minIdle)).Add("-").Add("+").Add(count);
        var reply = await multiplexer.ExecuteAsync(command, cancellationToken);
        return [.. reply.Items.Select(StreamReplies.Pending)];
    }

    public async Task<IReadOnlyList<StreamEntry>> XClaimAsync(string stream, string group, string consumer, TimeSpan minIdle, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("XCLAIM").Add(stream).Add(group).Add(consumer).Add(Milliseconds(minIdle)).AddRange(ids);
        return StreamReplies.Entries(await multiplexer.ExecuteAsync(command, cancellationToken));
    }

    public async Task<IReadOnlyList<StreamEntry>> XRangeAsync(string stream, string start, string end, int? count, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("XRANGE").Add(stream).Add(start).Add(end);
        if (count is { } limit)
        {
            command.Add("COUNT").Add(limit);
        }

        return StreamReplies.Entries(await multiplexer.ExecuteAsync(command, cancellationToken));
    }

    public async Task<long?> XInfoGroupLagAsync(string stream, string group, CancellationToken cancellationToken)
    {
        try
        {
            return GroupInfoReply.LagOf(await multiplexer.ExecuteAsync(new RedisCommand("XINFO").Add("GROUPS").Add(stream), cancellationToken), group);
        }
        catch (RedisServerException missing) when (missing.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken) =>
        await multiplexer.ExecuteAsync(new RedisCommand("PING"), cancellationToken);

    public IRedisStreams OpenDedicated() =>
        new RedisStreams(new RedisMultiplexer(multiplexer.Settings, TimeProvider.System, onEvent), onEvent);

    public ValueTask DisposeAsync() => multiplexer.DisposeAsync();

    private static RedisCommand XAdd(StreamAddition addition)
    {
        var command = new RedisCommand("XADD").Add(addition.Stream);
        if (addition.Trim.MaxLengthApprox is { } maxLength)
        {
            command.Add("MAXLEN").Add("~").Add(maxLength);
        }
        else if (addition.Trim.MinIdApprox is { } minId)
        {
            command.Add("MINID").Add("~").Add(minId);
        }

        command.Add("*");
        foreach (var (name, value) in addition.Fields)
        {
            command.Add(name).Add(value);
        }

        return command;
    }

    private static long Milliseconds(TimeSpan duration) => (long)Math.Max(0, Math.Ceiling(duration.TotalMilliseconds));
}
