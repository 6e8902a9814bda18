using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>
/// A record store of a <c>pubsub.redis</c> component: one hash, <c>gateway:records:&lt;name&gt;</c>, one
/// field per record. Each command is answered by the one server every replica talks to, so a read
/// after an acknowledged write always sees it. A topic stream of exactly that name would collide: the
/// server refuses the wrong command on either side (<c>WRONGTYPE</c>), so nothing is overwritten.
/// </summary>
internal sealed class RedisRecordStore : IRecordStore
{
    /// <summary>The key prefix; the store name follows it.</summary>
    public const string KeyPrefix = GatewayOwnedNames.RedisRecordKeyPrefix;

    private readonly string _componentName;
    private readonly IRedisHashes _hashes;
    private readonly string _key;

    public RedisRecordStore(string componentName, string name, IRedisHashes hashes)
    {
        RecordStoreNames.Validate(name);
        _componentName = componentName;
        _hashes = hashes;
        _key = KeyPrefix + name;
    }

    public string Location => $"redis hash '{_key}' on {_hashes.Endpoint}";

    public async ValueTask PutAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _hashes.HSetAsync(_key, key, value, cancellationToken);
        }
        catch (RedisException failure)
        {
            throw Failed("the record was not stored", failure);
        }
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _hashes.HDelAsync(_key, key, cancellationToken);
        }
        catch (RedisException failure)
        {
            throw Failed("the record was not deleted", failure);
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _hashes.HGetAllAsync(_key, cancellationToken);
        }
        catch (RedisException failure)
        {
            throw Failed("the records were not read", failure);
        }
    }

    /// <summary>Holds nothing of its own: the connection belongs to the driver.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DriverException Failed(string what, RedisException failure) =>
        new(RedisMessages.ForComponent(_componentName, $"record store '{_key}': {what}: {failure.Message}"), RedisFailures.IsTransient(failure), failure);
}
