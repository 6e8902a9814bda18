namespace Gateway.Drivers;

/// <summary>
/// Records (a string key, a byte value) kept in a broker and shared by every driver instance that
/// opened the same store name on the same broker. Writes complete only when the broker acknowledged
/// them; a broker failure throws <see cref="DriverException"/> (transient or terminal), as a publish does.
/// </summary>
public interface IRecordStore : IAsyncDisposable
{
    /// <summary>Where the records live in the broker, for messages and logs (for example <c>redis hash 'gateway:records:subscriptions'</c>).</summary>
    string Location { get; }

    /// <summary>Adds the record <paramref name="key"/>, or replaces its value. Completes once the broker acknowledged the write.</summary>
    ValueTask PutAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken);

    /// <summary>Removes the record <paramref name="key"/>; a key that does not exist is not an error. Completes once the broker acknowledged it.</summary>
    ValueTask DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Every record, as of now: the answer reflects every put and delete the broker acknowledged before
    /// this call started, whichever driver instance (or gateway replica) made it.
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, ReadOnlyMemory<byte>>> ReadAllAsync(CancellationToken cancellationToken);
}
