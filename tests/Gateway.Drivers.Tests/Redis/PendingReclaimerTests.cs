using Gateway.Drivers.Redis;
using Gateway.Drivers.Redis.Resp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>The reclaim pass against a fake server: which pending entries are claimed, counted and acknowledged.</summary>
public sealed class PendingReclaimerTests
{
    private const string Topic = "orders";
    private const string Group = "billing";
    private readonly FakeRedisStreams _streams = new();
    private readonly InFlightEntries _inFlight = new();
    private readonly List<(string Id, int DeliveryCount)> _dispatched = [];

    [Fact]
    public async Task Reclaim_StalePendingEntry_IsClaimedAndHandedOutWithOneMoreDelivery()
    {
        AddPending("1-0", deliveries: 3, exists: true);

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(1, handedOut);
        Assert.Equal([("1-0", 4)], _dispatched);
        Assert.Empty(_streams.Acknowledged);
    }

    [Fact]
    public async Task Reclaim_EntryThisDriverIsHandling_IsLeftAlone()
    {
        AddPending("1-0", deliveries: 1, exists: true);
        AddPending("2-0", deliveries: 1, exists: true);
        _inFlight.TryAdd(Topic, Group, "1-0");

        await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(["2-0"], Assert.Single(_streams.Claims));
        Assert.Equal(["2-0"], _dispatched.Select(d => d.Id));
    }

    [Fact]
    public async Task Reclaim_EntryTrimmedFromTheStream_IsAcknowledgedNotDelivered()
    {
        AddPending("1-0", deliveries: 2, exists: false);

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Equal(0, handedOut);
        Assert.Empty(_dispatched);
        Assert.Equal(["1-0"], _streams.Acknowledged);
    }

    [Fact]
    public async Task Reclaim_EntryAnotherMemberClaimedFirst_IsNeitherDeliveredNorAcknowledged()
    {
        AddPending("1-0", deliveries: 2, exists: true);
        _streams.ClaimedElsewhere.Add("1-0");

        await Reclaimer().ReclaimAsync(slotsTaken: 5, CancellationToken.None);

        Assert.Empty(_dispatched);
        Assert.Empty(_streams.Acknowledged);
    }

    [Fact]
    public async Task Reclaim_MorePendingThanSlots_ClaimsOnlyAsManyAsSlots()
    {
        foreach (var id in new[] { "1-0", "2-0", "3-0" })
        {
            AddPending(id, deliveries: 1, exists: true);
        }

        var handedOut = await Reclaimer().ReclaimAsync(slotsTaken: 2, CancellationToken.None);

        Assert.Equal(2, handedOut);
        Assert.Equal(["1-0", "2-0"], Assert.Single(_streams.Claims));
    }

    private void AddPending(string id, long deliveries, bool exists)
    {
        _streams.Pending.Add(new PendingEntry(id, "billing-dead-replica", TimeSpan.FromMinutes(5), deliveries));
        if (exists)
        {
            _streams.Existing[id] = new StreamEntry(id, [new("data", "x"u8.ToArray())]);
        }
    }

    private PendingReclaimer Reclaimer()
    {
        var consumer = new StreamConsumer("component", Topic, Group, "billing-me", new RedisOptions { RedisHost = "fake" },
            _streams, _inFlight, TimeProvider.System, NullLogger.Instance);
        return new PendingReclaimer(consumer, (entry, count) => _dispatched.Add((entry.Id, count)));
    }
}
