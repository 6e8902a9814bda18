using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Publishing with <c>publishReplicaAcks</c>: the <c>XADD</c>s and then one <c>WAIT n timeout</c>, all sent to the
/// primary that owns the stream through that server's one connection, with redirects refused. <c>WAIT</c>
/// counts the replicas that have every earlier write <em>of its own connection</em>, so the answer is trusted
/// only when nothing was re-routed (a redirect is a failure here) and the connection did not change between
/// the first write and the <c>WAIT</c> reply (a new socket would have had nothing to wait for).
/// </summary>
internal sealed class ReplicaAcks(RedisOptions options, string where, int databaseNumber)
{
    private const CommandFlags Pinned = CommandFlags.NoRedirect | CommandFlags.DemandMaster;

    /// <summary>
    /// Adds every entry of <paramref name="additions"/> and waits for the replicas, one <c>WAIT</c> per primary that owns
    /// some of the streams; the answers are in the order of <paramref name="additions"/>.
    /// </summary>
    public async Task<IReadOnlyList<Task<string>>> AddAndWaitAsync(ConnectionMultiplexer multiplexer, IReadOnlyList<StreamAddition> additions)
    {
        var results = new Task<string>[additions.Count];
        var owned = additions.Select((addition, index) => (Addition: addition, Index: index, Server: RedisErrors.PrimaryOwning(multiplexer, addition.Stream, where, "XADD")));
        foreach (var group in owned.GroupBy(x => x.Server.EndPoint))
        {
            var members = group.ToList();
            var answers = await OneServerAsync(multiplexer, members[0].Server, [.. members.Select(x => x.Addition)]);
            for (var i = 0; i < members.Count; i++)
            {
                results[members[i].Index] = answers[i];
            }
        }

        return results;
    }

    private async Task<IReadOnlyList<Task<string>>> OneServerAsync(ConnectionMultiplexer multiplexer, IServer server, IReadOnlyList<StreamAddition> additions)
    {
        var socketsBefore = server.GetCounters().Interactive.SocketCount;
        // Through the database (so on the component's redisDB), routed by key to the same server's connection as the WAIT.
        var database = multiplexer.GetDatabase(databaseNumber);
        var adds = additions.Select(a => database.ExecuteAsync("XADD", Arguments(a), Pinned)).ToList();
        var wait = server.ExecuteAsync("WAIT", [options.PublishReplicaAcks, (long)options.PublishReplicaAckTimeout.TotalMilliseconds], Pinned);
        RedisCommandFailure? failure = null;
        try
        {
            var confirmed = (long)await wait;
            if (server.GetCounters().Interactive.SocketCount != socketsBefore)
            {
                failure = Missing("the connection to the primary changed between XADD and WAIT, so no replica count can be trusted");
            }
            else if (confirmed < options.PublishReplicaAcks)
            {
                failure = Missing($"stored on the primary, but {confirmed} of {options.PublishReplicaAcks} replica(s) confirmed it within {GoDuration.Format(options.PublishReplicaAckTimeout)}; it may be lost if the primary fails");
            }
        }
        catch (Exception error) when (RedisErrors.IsRedisFailure(error))
        {
            failure = RedisErrors.Translate(error, $"{where} ({server.EndPoint})", "WAIT");
        }

        return [.. adds.Select(add => Finish(add, failure))];
    }

    private async Task<string> Finish(Task<RedisResult> add, RedisCommandFailure? failure)
    {
        RedisResult id;
        try
        {
            id = await add;
        }
        catch (Exception error) when (RedisErrors.IsRedisFailure(error))
        {
            throw RedisErrors.Translate(error, where, "XADD");
        }

        return failure is null ? (string)id! : throw failure;
    }

    private RedisCommandFailure Missing(string reason) => new(where, "WAIT", reason, RedisFailureKind.ReplicasMissing);

    private static object[] Arguments(StreamAddition addition)
    {
        var arguments = new List<object>(4 + (addition.Fields.Count * 2)) { (RedisKey)addition.Stream };
        if (addition.Trim.MaxLengthApprox is { } maxLength)
        {
            arguments.AddRange(["MAXLEN", "~", maxLength]);
        }
        else if (addition.Trim.MinIdApprox is { } minId)
        {
            arguments.AddRange(["MINID", "~", minId]);
        }

        arguments.Add("*");
        foreach (var (name, value) in addition.Fields)
        {
            arguments.Add(name);
            arguments.Add((RedisValue)value.ToArray());
        }

        return [.. arguments];
    }
}
