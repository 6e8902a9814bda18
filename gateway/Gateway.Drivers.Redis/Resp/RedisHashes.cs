using System.Text;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>The hash commands over a <see cref="RedisMultiplexer"/> (shared with the stream commands), with their replies decoded.</summary>
internal sealed class RedisHashes(RedisMultiplexer multiplexer) : IRedisHashes
{
    public RedisEndpoint Endpoint => multiplexer.Endpoint;

    public async Task HSetAsync(string key, string field, ReadOnlyMemory<byte> value, CancellationToken cancellationToken) =>
        await ExecuteAsync(new RedisCommand("HSET").Add(key).Add(field).Add(value), cancellationToken);

    public async Task<bool> HDelAsync(string key, string field, CancellationToken cancellationToken) =>
        (await ExecuteAsync(new RedisCommand("HDEL").Add(key).Add(field), cancellationToken)).AsInteger() > 0;

    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> HGetAllAsync(string key, CancellationToken cancellationToken)
    {
        var command = new RedisCommand("HGETALL").Add(key);
        var reply = await ExecuteAsync(command, cancellationToken);

        // RESP3 answers with a map, RESP2 with a flat array: both alternate field and value.
        if (!reply.IsAggregate || reply.Items.Count % 2 != 0)
        {
            throw new RedisServerException(Endpoint, command.Name, $"unexpected reply {reply}");
        }

        var fields = new Dictionary<string, ReadOnlyMemory<byte>>(reply.Items.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i < reply.Items.Count; i += 2)
        {
            fields[Encoding.UTF8.GetString(reply.Items[i].Bytes.Span)] = reply.Items[i + 1].Bytes;
        }

        return fields;
    }

    private async Task<RespValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await multiplexer.ExecuteAsync(command, cancellationToken);
        }
        catch (ObjectDisposedException disposed)
        {
            throw new RedisConnectionException(Endpoint, command.Name, "the client is shut down", disposed);
        }
    }
}
