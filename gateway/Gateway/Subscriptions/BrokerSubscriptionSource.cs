using Gateway.Drivers;
using Gateway.Pubsub;

namespace Gateway.Subscriptions;

/// <summary>
/// The runtime subscriptions of one pubsub component whose driver keeps records in its broker
/// (<see cref="IRecordStoreProvider"/>): the record store, and what this gateway knows about its state.
/// </summary>
internal sealed class BrokerSubscriptionSource(PubsubComponent component, IRecordStore store) : IAsyncDisposable
{
    private readonly HashSet<string> _reportedKeys = new(StringComparer.Ordinal);

    public PubsubComponent Component { get; } = component;

    public string Location => store.Location;

    /// <summary>Writes this gateway made through the source; a read that overlapped one is not used (guarded by the store's lock).</summary>
    public long Writes { get; set; }

    /// <summary>True while reads fail, so that an outage is logged once, and its end too.</summary>
    public bool Failing { get; set; }

    public async Task PutAsync(RuntimeSubscriptionRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await store.PutAsync(record.Key, RuntimeSubscriptionCodec.Encode(record), cancellationToken);
        }
        catch (DriverException ex)
        {
            throw Failed("was not stored", ex);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(key, cancellationToken);
        }
        catch (DriverException ex)
        {
            throw Failed("was not deleted", ex);
        }
    }

    /// <summary>
    /// Every record of this component (same namespace and pubsub name; a store shared by several
    /// components on one broker holds theirs too). Records this gateway cannot read are passed to
    /// <paramref name="unreadable"/> once each, and skipped.
    /// </summary>
    public async Task<Dictionary<string, RuntimeSubscriptionRecord>> ReadAsync(Action<string, string> unreadable, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> stored;
        try
        {
            stored = await store.ReadAllAsync(cancellationToken);
        }
        catch (DriverException ex)
        {
            throw Failed("were not read", ex, plural: true);
        }

        var records = new Dictionary<string, RuntimeSubscriptionRecord>(StringComparer.Ordinal);
        foreach (var (key, value) in stored)
        {
            if (!RuntimeSubscriptionCodec.TryDecode(key, value.Span, out var record, out var error))
            {
                if (_reportedKeys.Add(key))
                {
                    unreadable(key, error);
                }

                continue;
            }

            if (record!.App.Namespace == Component.Namespace && record.Definition.PubsubName == Component.Name)
            {
                records[key] = record;
            }
        }

        return records;
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    private RuntimeSubscriptionStoreException Failed(string what, DriverException ex, bool plural = false) =>
        new($"the runtime subscription{(plural ? "s" : "")} of pubsub '{Component.Name}' {what} in {store.Location}: {ex.Message}", ex.IsTransient, ex);
}
