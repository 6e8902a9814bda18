using Gateway.Drivers.Redis;
using Gateway.Drivers.Redis.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>The reclaim pass against a fake server: what XAUTOCLAIM is asked, what is handed out, and with which delivery count.</summary>
public sealed class PendingReclaimerTests
{
    private const string Topic = "orders";
    private const string Group = "billing";
    private readonly FakeRedisStreams _streams = new();
    private readonly List<(string Id, int DeliveryCount)> _dispatched = [];

    [Fact]
    public async Task Reclaim_StalePendingEntry_IsClaimedAndHandedOutWithItsNewDeliveryCount()
    {
        AddPending("1-0", deliveries: 3, exists: true);

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(1, handedOut);
        Assert.Equal([("1-0", 4)], _dispatched);
    }

    [Fact]
    public async Task Reclaim_EntryTrimmedFromTheStream_IsNotDelivered()
    {
        AddPending("1-0", deliveries: 2, exists: false);

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(0, handedOut);
        Assert.Empty(_dispatched);
        Assert.Empty(_streams.Pending);
    }

    [Fact]
    public async Task Reclaim_MorePendingThanSlots_ClaimsOnlyAsManyAsSlots_AndContinuesWhereItStopped()
    {
        foreach (var id in new[] { "1-0", "2-0", "3-0" })
        {
            AddPending(id, deliveries: 1, exists: true);
        }

        var reclaimer = Reclaimer();
        var first = await reclaimer.ReclaimAsync(slotsTaken: 2, CancellationToken.None);
        var scanCompleteAfterFirst = reclaimer.ScanComplete;
        var second = await reclaimer.ReclaimAsync(slotsTaken: 2, CancellationToken.None);

        Assert.Equal((2, false), (first, scanCompleteAfterFirst));
        Assert.Equal(1, second);
        Assert.Equal([(AutoClaimResult.Beginning, 2), ("3-0", 2)], _streams.Claims);
        Assert.Equal(["1-0", "2-0", "3-0"], _dispatched.Select(d => d.Id));
        Assert.True(reclaimer.ScanComplete);
    }

    [Fact]
    public async Task Reclaim_DeliveryCountsUnreadable_HandsOutTheClaimedEntriesAsSecondDeliveries()
    {
        AddPending("1-0", deliveries: 5, exists: true);
        _streams.DeliveryCountsFail = true;

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(1, handedOut);
        Assert.Equal([("1-0", 2)], _dispatched);
    }

    [Fact]
    public async Task Reclaim_EntryNotIdleLongEnough_IsLeftPending()
    {
        _streams.Pending.Add(("1-0", TimeSpan.FromMilliseconds(10), 1));
        _streams.Existing["1-0"] = new StreamEntry("1-0", [new("data", "x"u8.ToArray())]);

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(0, handedOut);
        Assert.Empty(_dispatched);
    }

    private void AddPending(string id, int deliveries, bool exists)
    {
        _streams.Pending.Add((id, TimeSpan.FromMinutes(5), deliveries));
        if (exists)
        {
            _streams.Existing[id] = new StreamEntry(id, [new("data", "x"u8.ToArray())]);
        }
    }

    private PendingReclaimer Reclaimer()
    {
        var consumer = new StreamConsumer("component", Topic, Group, "billing-me", new RedisOptions { RedisHost = "fake" },
            _streams, new InFlightEntries(), TimeProvider.System, NullLogger.Instance);
        return new PendingReclaimer(consumer, (entry, count) => _dispatched.Add((entry.Id, count)));
    }
}
