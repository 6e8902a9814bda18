namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// The hash commands the record store needs (<see cref="RedisRecordStore"/>), and nothing else. Every
/// failure is a <see cref="RedisCommandFailure"/> naming the server and the command.
/// </summary>
internal interface IRedisHashes
{
    string Where { get; }

    /// <summary><c>HSET key field value</c>.</summary>
    Task SetAsync(string key, string field, ReadOnlyMemory<byte> value, CancellationToken cancellationToken);

    /// <summary><c>HDEL key field</c>; false when the field did not exist.</summary>
    Task<bool> DeleteAsync(string key, string field, CancellationToken cancellationToken);

    /// <summary><c>HGETALL key</c>: every field and its value; empty when the key does not exist.</summary>
    Task<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> GetAllAsync(string key, CancellationToken cancellationToken);
}
