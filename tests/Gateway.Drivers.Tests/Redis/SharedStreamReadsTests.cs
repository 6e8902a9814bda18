using Gateway.Drivers.Redis;
using Gateway.Drivers.Redis.Client;
using Gateway.Drivers.Tests.Conformance;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// Subscriptions of one consumer group share blocking reads (<see cref="SharedStreamReads"/>): a few connections for
/// many subscriptions, each subscription still getting exactly its own entries, on a server of each test's own
/// (connections are counted and killed).
/// </summary>
public sealed class SharedStreamReadsTests
{
    private static readonly Dictionary<string, string> FastRedelivery = new()
    {
        [RedisOptions.ProcessingTimeoutKey] = "300ms",
        [RedisOptions.RedeliverIntervalKey] = "100ms",
    };

    [Fact]
    public async Task ManySubscriptionsOfOneGroup_ShareAFewReaderConnections_AndEachGetsExactlyItsOwnEntries()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("count the connections made to it"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver();
        var client = await scope.ClientAsync(Observer(server));
        var group = RedisDriverScope.UniqueName("group");
        const int count = 200;
        var received = await SubscribeAllAsync(scope, driver, group, count);

        await PublishRoundAsync(driver, received.Keys, "first");
        await PublishRoundAsync(driver, received.Keys, "second");
        await Eventually.HoldsAsync(
            () => received.Values.All(r => r.Count >= 2), RedisDriverScope.Patience,
            () => $"{received.Values.Count(r => r.Count < 2)} of {count} subscriptions miss entries");

        // One reader connection per StreamsPerRead subscriptions, plus the shared connection (and its subscriber connection, if any).
        var readers = (int)Math.Ceiling(count / (double)SharedStreamReads.StreamsPerRead);
        Assert.InRange(await GatewayConnectionsAsync(client), 1, readers + 2);
        Assert.All(received, pair =>
        {
            Assert.Equal([$"first {pair.Key}", $"second {pair.Key}"], pair.Value.Texts);
            Assert.All(pair.Value.All, message => Assert.Equal(pair.Key, message.Topic));
        });
    }

    [Fact]
    public async Task StreamAddedWhileTheSharedReadIsBlocked_WakesIt_AndGetsItsEntryWithoutWaitingForTheBlock()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("count its blocked clients"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var client = await scope.ClientAsync(Observer(server));
        var (first, second, group) = (RedisDriverScope.UniqueName("first"), RedisDriverScope.UniqueName("second"), RedisDriverScope.UniqueName("group"));
        await client.StreamCreateConsumerGroupAsync(first, group, "0", createStream: true);
        await client.StreamCreateConsumerGroupAsync(second, group, "0", createStream: true);
        await using var connection = new RedisConnection(new RedisOptions { RedisHost = server.Address }, NullLogger.Instance, "shared-reads", TimeProvider.System);
        // A block far longer than the wait below: an entry that arrives in time came through a woken read.
        var logs = new RecordingLoggerFactory();
        await using var reads = new SharedStreamReads(connection, TimeProvider.System, logs.CreateLogger("reads"), "shared-reads") { ReadBlock = TimeSpan.FromSeconds(60) };
        await using var firstReader = reads.Open(first);
        await using var secondReader = reads.Open(second);
        using var stop = new CancellationTokenSource();

        var firstRead = firstReader.ReadGroupAsync(group, "consumer", 1, TimeSpan.FromMinutes(5), stop.Token);
        await RedisDriverScope.WaitUntilAsync(async () => await BlockedClientsAsync(client) == 1, "the shared read never blocked");
        await client.StreamAddAsync(second, "data", "for second");
        var secondRead = secondReader.ReadGroupAsync(group, "consumer", 1, TimeSpan.FromMinutes(5), stop.Token);
        await Eventually.HoldsAsync(() => secondRead.IsCompleted, TimeSpan.FromSeconds(30), () => $"the read was not woken; logged: {string.Join(" | ", logs.Events.Select(e => e.Message))}");
        var entries = await secondRead;

        Assert.Equal("for second"u8.ToArray(), Assert.Single(entries).Field("data")?.ToArray());
        Assert.Equal(1, reads.LaneCount);
        Assert.Empty(logs.Events);
        Assert.False(firstRead.IsCompleted, "the first stream's read ended although it has no entry");
        await client.StreamAddAsync(first, "data", "for first");
        Assert.Single(await firstRead.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task EntriesArrivingAfterTheirRequestWentAway_GoToTheNextRequests_NoneIsDropped()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("count its blocked clients"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var client = await scope.ClientAsync(Observer(server));
        var (stream, group) = (RedisDriverScope.UniqueName("stream"), RedisDriverScope.UniqueName("group"));
        await client.StreamCreateConsumerGroupAsync(stream, group, "0", createStream: true);
        await using var connection = new RedisConnection(new RedisOptions { RedisHost = server.Address }, NullLogger.Instance, "shared-reads", TimeProvider.System);
        // The shared read outlives the request: it still names the stream when the entries come.
        await using var reads = new SharedStreamReads(connection, TimeProvider.System, NullLogger.Instance, "shared-reads") { ReadBlock = TimeSpan.FromSeconds(60) };
        await using var reader = reads.Open(stream);

        using (var giveUp = new CancellationTokenSource())
        {
            var abandoned = reader.ReadGroupAsync(group, "consumer", 5, TimeSpan.FromMinutes(5), giveUp.Token);
            await RedisDriverScope.WaitUntilAsync(async () => await BlockedClientsAsync(client) == 1, "the shared read never blocked");
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        }

        // In one transaction, so the blocked read is answered with all three.
        var adding = client.CreateTransaction();
        var added = new[] { "a", "b", "c" }.Select(text => adding.StreamAddAsync(stream, "data", text)).ToList();
        Assert.True(await adding.ExecuteAsync());
        await Task.WhenAll(added);

        // Handed out by the server to the read nobody waits for any more: pending for the consumer.
        await RedisDriverScope.WaitUntilAsync(async () => (await client.StreamPendingAsync(stream, group)).PendingMessageCount == 3, "the shared read never took the entries");
        var first = await reader.ReadGroupAsync(group, "consumer", 2, TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var second = await reader.ReadGroupAsync(group, "consumer", 2, TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, first.Count);
        Assert.Equal(["a", "b", "c"], first.Concat(second).Select(e => System.Text.Encoding.UTF8.GetString(e.Field("data")!.Value.Span)));
    }

    [Fact]
    public async Task OneSubscriptionStops_TheOthersOfItsReadAreNotDisturbed()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("watch its connections"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var logs = new RecordingLoggerFactory();
        var driver = scope.NewDriver(loggerFactory: logs);
        var group = RedisDriverScope.UniqueName("group");
        var subscriptions = new Dictionary<string, ISubscription>();
        var received = new Dictionary<string, ReceivedMessages>();
        for (var i = 0; i < 10; i++)
        {
            var topic = RedisDriverScope.UniqueName($"topic{i}");
            received[topic] = new ReceivedMessages();
            subscriptions[topic] = await scope.SubscribeAsync(driver, topic, group, received[topic].Acknowledging);
        }

        await PublishFirstRoundAsync(driver, received, "first");
        var stopped = received.Keys.First();
        await subscriptions[stopped].DisposeAsync();
        await PublishRoundAsync(driver, received.Keys, "second");
        var others = received.Where(pair => pair.Key != stopped).ToList();
        await Eventually.HoldsAsync(() => others.All(pair => pair.Value.Count >= 2), RedisDriverScope.Patience, () => "a subscription still reading missed its second entry");

        Assert.Equal([$"first {stopped}"], received[stopped].Texts);
        Assert.All(others, pair => Assert.Equal([$"first {pair.Key}", $"second {pair.Key}"], pair.Value.Texts));
        Assert.Empty(logs.Messages(EventIds.RedisLog.ReadFailed));
        Assert.Empty(logs.Messages(EventIds.RedisLog.WakeUpsRefused));
    }

    [Fact]
    public async Task SharedReaderConnectionKilled_ReadsResume_AndNoEntryIsLost()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("kill its clients"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(FastRedelivery);
        var client = await scope.ClientAsync(Observer(server));
        var group = RedisDriverScope.UniqueName("group");
        var received = await SubscribeAllAsync(scope, driver, group, 20);
        await PublishFirstRoundAsync(driver, received, "before");

        // Entries published around the kill may be handed to the read that dies with the connection: they stay
        // pending and must come back through the claim of stale entries.
        var publishing = PublishRoundAsync(driver, received.Keys, "during");
        var killed = await KillReadersAsync(client);
        await publishing;
        await PublishRoundAsync(driver, received.Keys, "after");

        Assert.True(killed >= 1, "no blocked reader connection was found to kill");
        await Eventually.HoldsAsync(
            () => received.All(pair => new[] { "before", "during", "after" }.All(round => pair.Value.Contains($"{round} {pair.Key}"))),
            RedisDriverScope.Patience,
            () => $"{received.Count(pair => pair.Value.DistinctTextCount < 3)} subscriptions miss entries");
        await RedisDriverScope.WaitUntilAsync(
            async () => (await Task.WhenAll(received.Keys.Select(topic => client.StreamPendingAsync(topic, group)))).All(p => p.PendingMessageCount == 0),
            "entries are still pending");
    }

    [Fact]
    public async Task OneStreamOfASharedReadLosesItsGroup_OnlyItsSubscriptionRecreatesIt()
    {
        await using var rig = await FiveSharingAReadAsync("delete a consumer group");
        var (logs, driver, client, group, received) = (rig.Logs, rig.Driver, rig.Client, rig.Group, rig.Received);

        var lost = received.Keys.First();
        await client.StreamDeleteConsumerGroupAsync(lost, group);
        await RedisDriverScope.WaitUntilAsync(async () => (await client.StreamGroupInfoAsync(lost)).Any(g => g.Name == group), "the lost group was never created again");
        await PublishRoundAsync(driver, received.Keys, "second");

        await Eventually.HoldsAsync(
            () => received.All(pair => pair.Value.Contains($"second {pair.Key}")), RedisDriverScope.Patience,
            () => "a subscription missed its second entry");
        var recreated = Assert.Single(logs.Messages(EventIds.RedisLog.GroupRecreated));
        Assert.Contains(lost, recreated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneStreamOfASharedReadReplacedByAnotherType_OnlyItsSubscriptionFails()
    {
        await using var rig = await FiveSharingAReadAsync("replace a stream");
        var (logs, driver, client, received) = (rig.Logs, rig.Driver, rig.Client, rig.Received);

        var replaced = received.Keys.First();
        await client.KeyDeleteAsync(replaced);
        await client.StringSetAsync(replaced, "not a stream");
        await RedisDriverScope.WaitUntilAsync(() => Task.FromResult(logs.Messages(EventIds.RedisLog.ReadFailed).Count > 0), "the replaced stream's subscription never failed to read");
        var others = received.Where(pair => pair.Key != replaced).ToList();
        await PublishRoundAsync(driver, others.Select(pair => pair.Key), "second");

        await Eventually.HoldsAsync(() => others.All(pair => pair.Value.Contains($"second {pair.Key}")), RedisDriverScope.Patience, () => "a subscription of an intact stream missed its second entry");
        Assert.All(logs.Messages(EventIds.RedisLog.ReadFailed), message => Assert.Contains(replaced, message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerRefusesClientUnblock_ReadsFallBackToShortBlocks_LoggedOnce()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("create an ACL user"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { AclUser = ("admin", "admin-secret") });
        await using var scope = new RedisDriverScope(server.Address);
        var admin = await scope.ClientAsync(Observer(server));
        await admin.ExecuteAsync("ACL", "SETUSER", "reader", "on", ">reader-secret", "~*", "&*", "+@all", "-client");
        var logs = new RecordingLoggerFactory();
        var driver = scope.NewDriver(new() { [RedisOptions.RedisUsernameKey] = "reader", [RedisOptions.RedisPasswordKey] = "reader-secret" }, logs);
        var group = RedisDriverScope.UniqueName("group");
        var received = await SubscribeAllAsync(scope, driver, group, 3);
        await PublishFirstRoundAsync(driver, received, "first");

        // Added while the others' read is under way, which can no longer be woken.
        var late = RedisDriverScope.UniqueName("late");
        var lateReceived = new ReceivedMessages();
        await scope.SubscribeAsync(driver, late, group, lateReceived.Acknowledging);
        await driver.PublishAsync(RedisDriverScope.Text(late, "late"), CancellationToken.None);
        await PublishRoundAsync(driver, received.Keys, "second");

        await Eventually.HoldsAsync(() => lateReceived.Contains("late"), RedisDriverScope.Patience, lateReceived.Describe);
        await Eventually.HoldsAsync(() => received.All(pair => pair.Value.Contains($"second {pair.Key}")), RedisDriverScope.Patience, () => "a subscription missed its second entry");
        var refused = Assert.Single(logs.Messages(EventIds.RedisLog.WakeUpsRefused));
        Assert.Contains("NOPERM", refused, StringComparison.Ordinal);
    }

    /// <summary>
    /// A server of the test's own, a driver logging to the rig's <see cref="SharedReadRig.Logs"/> and five subscriptions of one
    /// group (so one shared read), each already handed a first entry; skipped against an external server, which the
    /// test would <paramref name="harm"/>.
    /// </summary>
    private static async Task<SharedReadRig> FiveSharingAReadAsync(string harm)
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason(harm));
        var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        var scope = new RedisDriverScope(server.Address);
        try
        {
            var logs = new RecordingLoggerFactory();
            var driver = scope.NewDriver(loggerFactory: logs);
            var client = await scope.ClientAsync(Observer(server));
            var group = RedisDriverScope.UniqueName("group");
            var received = await SubscribeAllAsync(scope, driver, group, 5);
            await PublishFirstRoundAsync(driver, received, "first");
            return new SharedReadRig(server, scope, logs, driver, client, group, received);
        }
        catch
        {
            await scope.DisposeAsync();
            await server.DisposeAsync();
            throw;
        }
    }

    private static ConfigurationOptions Observer(RedisServerFixture server)
    {
        var options = server.ClientOptions();
        options.ClientName = "test-observer";
        options.AllowAdmin = true;
        return options;
    }

    private static async Task<Dictionary<string, ReceivedMessages>> SubscribeAllAsync(RedisDriverScope scope, IPubSubDriver driver, string group, int count)
    {
        var received = new Dictionary<string, ReceivedMessages>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var topic = RedisDriverScope.UniqueName($"topic{i}");
            received[topic] = new ReceivedMessages();
            await scope.SubscribeAsync(driver, topic, group, received[topic].Acknowledging);
        }

        return received;
    }

    /// <summary>One entry to every subscription's topic, then waits until every subscription has received one.</summary>
    private static async Task PublishFirstRoundAsync(IPubSubDriver driver, Dictionary<string, ReceivedMessages> received, string round)
    {
        await PublishRoundAsync(driver, received.Keys, round);
        await Eventually.HoldsAsync(() => received.Values.All(r => r.Count >= 1), RedisDriverScope.Patience, () => "not every subscription got its first entry");
    }

    private static async Task PublishRoundAsync(IPubSubDriver driver, IEnumerable<string> topics, string round)
    {
        foreach (var topic in topics)
        {
            await driver.PublishAsync(RedisDriverScope.Text(topic, $"{round} {topic}"), CancellationToken.None);
        }
    }

    private static async Task<string[]> GatewayClientsAsync(IDatabase client) =>
        [.. ((string)(await client.ExecuteAsync("CLIENT", "LIST"))!).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Contains(" name=gateway ", StringComparison.Ordinal))];

    private static async Task<int> GatewayConnectionsAsync(IDatabase client) => (await GatewayClientsAsync(client)).Length;

    private static async Task<int> BlockedClientsAsync(IDatabase client)
    {
        var info = (string)(await client.ExecuteAsync("INFO", "clients"))!;
        var line = info.Split('\n').Single(l => l.StartsWith("blocked_clients:", StringComparison.Ordinal));
        return int.Parse(line["blocked_clients:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Kills the gateway's connections blocked in <c>XREADGROUP</c>; returns how many.</summary>
    private static async Task<int> KillReadersAsync(IDatabase client)
    {
        var killed = 0;
        foreach (var line in await GatewayClientsAsync(client))
        {
            if (line.Contains(" cmd=xreadgroup ", StringComparison.Ordinal))
            {
                var id = line.Split(' ').First(field => field.StartsWith("id=", StringComparison.Ordinal))[3..];
                killed += (int)(long)await client.ExecuteAsync("CLIENT", "KILL", "ID", id);
            }
        }

        return killed;
    }

    private sealed record SharedReadRig(
        RedisServerFixture Server, RedisDriverScope Scope, RecordingLoggerFactory Logs, IPubSubDriver Driver, IDatabase Client, string Group,
        Dictionary<string, ReceivedMessages> Received) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scope.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
