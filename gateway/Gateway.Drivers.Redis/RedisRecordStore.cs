using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Redis;

/// <summary>
/// A record store of a <c>pubsub.redis</c> component: one hash, <c>gateway:records:&lt;name&gt;</c>, one
/// field per record. The hash is one key, so in a cluster it lives on the one node that owns its slot; every
/// command goes to the primary that owns it, so a read after an acknowledged write always sees it. A topic
/// stream of exactly that name would collide: the server refuses the wrong command on either side
/// (<c>WRONGTYPE</c>), so nothing is overwritten.
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

    public string Location => $"redis hash '{_key}' on {_hashes.Where}";

    public async ValueTask PutAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _hashes.SetAsync(_key, key, value, cancellationToken);
        }
        catch (RedisCommandFailure failure)
        {
            throw Failed("the record was not stored", failure);
        }
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _hashes.DeleteAsync(_key, key, cancellationToken);
        }
        catch (RedisCommandFailure failure)
        {
            throw Failed("the record was not deleted", failure);
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _hashes.GetAllAsync(_key, cancellationToken);
        }
        catch (RedisCommandFailure failure)
        {
            throw Failed("the records were not read", failure);
        }
    }

    /// <summary>Holds nothing of its own: the connection belongs to the driver.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DriverException Failed(string what, RedisCommandFailure failure) =>
        new(RedisMessages.ForComponent(_componentName, $"record store '{_key}': {what}: {failure.Message}"), RedisFailures.IsTransient(failure), failure);
}
