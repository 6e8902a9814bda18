using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Claims entries of the group that stayed pending longer than <see cref="RedisOptions.ProcessingTimeout"/>
/// (their handler refused them, failed, or its process died) and hands them to this member again.
/// The subscription's loop calls it at start and then every <see cref="RedisOptions.RedeliverInterval"/>,
/// with handler slots it already holds, so reads and claims never compete for slots. Entries this driver is
/// handling are skipped. An entry that no longer exists (trimmed or deleted) is acknowledged, since
/// nothing is left to deliver.
/// </summary>
internal sealed class PendingReclaimer(StreamConsumer consumer, Action<StreamEntry, int> dispatch)
{
    /// <summary>
    /// One pass, for <paramref name="slotsTaken"/> slots the caller holds. Returns how many entries
    /// were handed out, each keeping one slot; the caller still owns the rest.
    /// </summary>
    public async Task<int> ReclaimAsync(int slotsTaken, CancellationToken stopping)
    {
        var pending = await consumer.Streams.XPendingAsync(consumer.Topic, consumer.Group, consumer.Options.ProcessingTimeout, consumer.Options.QueueDepth, stopping);
        var candidates = pending.Where(p => !consumer.InFlight.Contains(consumer.Topic, consumer.Group, p.Id)).Take(slotsTaken).ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var ids = candidates.Select(p => p.Id).ToList();
        var claimed = await consumer.Streams.XClaimAsync(consumer.Topic, consumer.Group, consumer.Consumer, consumer.Options.ProcessingTimeout, ids, stopping);
        RedisLog.EntriesClaimed(consumer.Logger, consumer.ComponentName, claimed.Count, consumer.Topic, consumer.Group);
        var counts = candidates.ToDictionary(p => p.Id, p => p.DeliveryCount);
        foreach (var entry in claimed)
        {
            // XCLAIM counted one more delivery than XPENDING showed.
            dispatch(entry, (int)Math.Min(int.MaxValue, counts.GetValueOrDefault(entry.Id) + 1));
        }

        try
        {
            await AcknowledgeVanishedAsync([.. ids.Except(claimed.Select(e => e.Id), StringComparer.Ordinal)], stopping);
        }
        catch (Exception failure) when (failure is RedisException or OperationCanceledException)
        {
            // The claimed entries are already handed out, so this pass must still report them; the
            // vanished ones are looked at again on the next pass.
            RedisLog.ReclaimFailed(consumer.Logger, consumer.ComponentName, consumer.Topic, consumer.Group, failure.Message);
        }

        return claimed.Count;
    }

    /// <summary>
    /// An ID that XCLAIM did not return was either claimed by another member first or no longer
    /// exists; only the second kind is acknowledged, after checking that the entry is really gone.
    /// </summary>
    private async Task AcknowledgeVanishedAsync(IReadOnlyList<string> ids, CancellationToken stopping)
    {
        foreach (var id in ids)
        {
            if ((await consumer.Streams.XRangeAsync(consumer.Topic, id, id, 1, stopping)).Count == 0)
            {
                await consumer.Streams.XAckAsync(consumer.Topic, consumer.Group, [id], stopping);
                RedisLog.VanishedEntryAcknowledged(consumer.Logger, consumer.ComponentName, id, consumer.Topic, consumer.Group);
            }
        }
    }
}
