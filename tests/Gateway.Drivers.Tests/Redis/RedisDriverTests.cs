using System.Text;
using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.Conformance;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>What only the Redis driver promises: Dapr's entry layout and its pending-entry rules.</summary>
public sealed class RedisDriverTests(RedisServerFixture server) : IClassFixture<RedisServerFixture>
{
    private static readonly Dictionary<string, string> FastRedelivery = new()
    {
        [RedisOptions.ProcessingTimeoutKey] = "300ms",
        [RedisOptions.RedeliverIntervalKey] = "100ms",
    };

    [Fact]
    public async Task Publish_WritesDaprsLayout_DataAndMetadataJson()
    {
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver();
        var topic = RedisDriverScope.UniqueName("topic");

        await driver.PublishAsync(RedisDriverScope.Text(topic, "{\"id\":1}", new() { ["ttlInSeconds"] = "60" }), CancellationToken.None);
        await driver.PublishAsync(new PublishRequest(topic, Encoding.UTF8.GetBytes("raw"), null, new Dictionary<string, string>()), CancellationToken.None);

        var entries = await (await scope.ClientAsync(server.ClientOptions())).StreamRangeAsync(topic);
        Assert.Equal(2, entries.Length);
        Assert.Equal(
            [("data", "{\"id\":1}"), ("metadata", "{\"ttlInSeconds\":\"60\"}"), ("contentType", "text/plain")],
            entries[0].Values.Select(f => ((string)f.Name!, (string)f.Value!)));
        Assert.Equal(
            [("data", "raw"), ("metadata", "{}")],
            entries[1].Values.Select(f => ((string)f.Name!, (string)f.Value!)));
    }

    [Fact]
    public async Task Publish_WithMaxLenApprox_KeepsTheStreamNearThatLength()
    {
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(new() { [RedisOptions.MaxLenApproxKey] = "10" });
        var topic = RedisDriverScope.UniqueName("topic");

        for (var i = 0; i < 500; i++)
        {
            await driver.PublishAsync(RedisDriverScope.Text(topic, $"m{i}"), CancellationToken.None);
        }

        var entries = await (await scope.ClientAsync(server.ClientOptions())).StreamRangeAsync(topic);
        // "~" lets Redis trim whole macro nodes only (100 entries by default), never below the bound.
        Assert.InRange(entries.Length, 10, 200);
    }

    [Fact]
    public async Task AcknowledgedEntries_AreNotDeliveredAgain()
    {
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(FastRedelivery);
        var (topic, group) = (RedisDriverScope.UniqueName("topic"), RedisDriverScope.UniqueName("group"));
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(driver, topic, group, received.Acknowledging);

        await driver.PublishAsync(RedisDriverScope.Text(topic, "once"), CancellationToken.None);
        await Eventually.HoldsAsync(() => received.Contains("once"), RedisDriverScope.Patience, received.Describe);
        var client = await scope.ClientAsync(server.ClientOptions());
        await RedisDriverScope.WaitUntilAsync(
            async () => (await client.StreamPendingAsync(topic, group)).PendingMessageCount == 0,
            "the acknowledged entry is still pending");
        // A marker published afterwards arrives behind several reclaim passes (100ms each), any of
        // which would have redelivered the first entry had it still been pending.
        await driver.PublishAsync(RedisDriverScope.Text(topic, "marker"), CancellationToken.None);
        await Eventually.HoldsAsync(() => received.Contains("marker"), RedisDriverScope.Patience, received.Describe);

        Assert.Equal(["once", "marker"], received.Texts);
    }

    [Fact]
    public async Task EntryNeverAcknowledged_IsClaimedByAnotherDriverInstanceOfTheGroupAfterProcessingTimeout()
    {
        await using var scope = new RedisDriverScope(server.Address);
        var (first, second) = (scope.NewDriver(FastRedelivery), scope.NewDriver(FastRedelivery));
        var (topic, group) = (RedisDriverScope.UniqueName("topic"), RedisDriverScope.UniqueName("group"));
        var stuck = new TaskCompletionSource<BrokerMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await scope.SubscribeAsync(first, topic, group, async (message, cancellationToken) =>
        {
            stuck.TrySetResult(message);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return MessageOutcome.Acknowledge;
        });
        await first.PublishAsync(RedisDriverScope.Text(topic, "hung"), CancellationToken.None);
        var original = await stuck.Task.WaitAsync(RedisDriverScope.Patience);

        var rescued = new ReceivedMessages();
        await scope.SubscribeAsync(second, topic, group, rescued.Acknowledging);

        await Eventually.HoldsAsync(() => rescued.Contains("hung"), RedisDriverScope.Patience, rescued.Describe);
        var message = rescued.All[0];
        Assert.Equal(original.Id, message.Id);
        // XAUTOCLAIM by the first instance, which keeps its own entry while its handler runs, counts too.
        Assert.True(message.DeliveryCount >= 2, $"delivery count {message.DeliveryCount}");
        var client = await scope.ClientAsync(server.ClientOptions());
        await RedisDriverScope.WaitUntilAsync(
            async () => (await client.StreamPendingAsync(topic, group)).PendingMessageCount == 0,
            "the rescued entry is still pending");
    }
}
