using Gateway.Drivers.Redis.Client;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Claims entries of the group that stayed pending longer than <see cref="RedisOptions.ProcessingTimeout"/>
/// (their handler refused them, failed, or its process died) with <c>XAUTOCLAIM</c> and hands them to this
/// member again. The subscription's loop calls it at start and then every <see cref="RedisOptions.RedeliverInterval"/>,
/// with handler slots it already holds, so reads and claims never compete for slots. A scan of the pending list
/// continues where the last one stopped until it reaches the end. Entries that no longer exist (trimmed or deleted)
/// are dropped from the pending list by Redis itself; they are only logged.
/// </summary>
internal sealed class PendingReclaimer(StreamConsumer consumer, Action<StreamEntry, int> dispatch)
{
    /// <summary>A claimed entry whose pending line could not be read was delivered before, at least once.</summary>
    private const int AtLeastSecondDelivery = 2;

    private string _cursor = AutoClaimResult.Beginning;

    /// <summary>True when the last pass reached the end of the pending list.</summary>
    public bool ScanComplete => _cursor == AutoClaimResult.Beginning;

    /// <summary>
    /// One pass, for <paramref name="slotsTaken"/> slots the caller holds. Returns how many entries were handed
    /// out, each keeping one slot; the caller still owns the rest.
    /// </summary>
    public async Task<int> ReclaimAsync(int slotsTaken, CancellationToken stopping)
    {
        var claim = await consumer.Streams.AutoClaimAsync(
            consumer.Topic, consumer.Group, consumer.Consumer, consumer.Options.ProcessingTimeout, _cursor, slotsTaken, stopping);
        _cursor = claim.NextStart;
        if (claim.Deleted.Count > 0)
        {
            RedisLog.EntriesVanished(consumer.Logger, consumer.ComponentName, claim.Deleted.Count, consumer.Topic, consumer.Group);
        }

        if (claim.Claimed.Count == 0)
        {
            return 0;
        }

        RedisLog.EntriesClaimed(consumer.Logger, consumer.ComponentName, claim.Claimed.Count, consumer.Topic, consumer.Group);
        var counts = await DeliveryCountsAsync(claim.Claimed, stopping);
        foreach (var entry in claim.Claimed)
        {
            dispatch(entry, counts.TryGetValue(entry.Id, out var count) ? count : AtLeastSecondDelivery);
        }

        return claim.Claimed.Count;
    }

    /// <summary>XAUTOCLAIM does not say how often an entry was delivered; the pending list does. Best effort: the entries are claimed either way.</summary>
    private async Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(IReadOnlyList<StreamEntry> claimed, CancellationToken stopping)
    {
        try
        {
            return await consumer.Streams.DeliveryCountsAsync(consumer.Topic, consumer.Group, consumer.Consumer, [.. claimed.Select(e => e.Id)], stopping);
        }
        catch (RedisCommandFailure failure)
        {
            RedisLog.ReclaimFailed(consumer.Logger, consumer.ComponentName, consumer.Topic, consumer.Group, failure.Message);
            return new Dictionary<string, int>();
        }
    }
}
