using System.Diagnostics;
using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.Conformance;
using Gateway.Tests.TestSupport;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>The server goes away and comes back (append-only file, fsync per write) while the driver works.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task ServerRestartedWhilePublishing_OutagePublishesFailFastAndTransient_AndNothingAcknowledgedIsLost()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("kill and restart it"));

        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { AppendOnly = true });
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(new() { [RedisOptions.DialTimeoutKey] = "1s", [RedisOptions.ProcessingTimeoutKey] = "300ms", [RedisOptions.RedeliverIntervalKey] = "100ms" });
        var (topic, group) = (RedisDriverScope.UniqueName("topic"), RedisDriverScope.UniqueName("group"));
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(driver, topic, group, received.Acknowledging);
        var stored = new List<string>();
        var outageErrors = new List<(DriverException Error, TimeSpan Took)>();

        async Task PublishAsync(string text)
        {
            var took = Stopwatch.StartNew();
            try
            {
                await driver.PublishAsync(RedisDriverScope.Text(topic, text), CancellationToken.None);
                stored.Add(text);
            }
            catch (DriverException error)
            {
                outageErrors.Add((error, took.Elapsed));
            }
        }

        for (var i = 0; i < 20; i++)
        {
            await PublishAsync($"before-{i}");
        }

        await server.StopAsync();
        for (var i = 0; i < 5; i++)
        {
            await PublishAsync($"during-{i}");
        }

        await server.StartAsync();
        var after = 0;
        await RedisDriverScope.WaitUntilAsync(
            async () =>
            {
                await PublishAsync($"after-{after++}");
                return stored.Any(t => t.StartsWith("after-", StringComparison.Ordinal));
            },
            "the driver never published again after the server came back");

        Assert.Equal(20, stored.Count(t => t.StartsWith("before-", StringComparison.Ordinal)));
        Assert.DoesNotContain(stored, t => t.StartsWith("during-", StringComparison.Ordinal));
        Assert.True(outageErrors.Count >= 5, $"{outageErrors.Count} publishes failed");
        Assert.All(outageErrors, e =>
        {
            Assert.True(e.Error.IsTransient, e.Error.Message);
            Assert.Contains($"redis {server.Address}: XADD failed", e.Error.Message);
            Assert.True(e.Took < TimeSpan.FromSeconds(10), $"a publish during the outage took {e.Took}");
        });
        await Eventually.HoldsAsync(() => stored.All(received.Contains), RedisDriverScope.Patience, received.Describe);
    }

    [Fact]
    public async Task ServerStopsAnswering_CommandsTimeOut_PublishesFailAsTransient_AndTheSubscriptionReadsAgainWhenItAnswers()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("pause it"));

        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var logs = new RecordingLoggerFactory();
        var driver = scope.NewDriver(
            new() { [RedisOptions.ReadTimeoutKey] = "500ms", [RedisOptions.ProcessingTimeoutKey] = "300ms", [RedisOptions.RedeliverIntervalKey] = "100ms" }, logs);
        var (topic, group) = (RedisDriverScope.UniqueName("topic"), RedisDriverScope.UniqueName("group"));
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(driver, topic, group, received.Acknowledging);
        await driver.PublishAsync(RedisDriverScope.Text(topic, "before"), CancellationToken.None);
        await Eventually.HoldsAsync(() => received.Contains("before"), RedisDriverScope.Patience, received.Describe);

        // Stopped, the server holds its connections open and answers nothing: every command times out.
        server.Pause();
        try
        {
            var refused = await Assert.ThrowsAsync<DriverException>(async () => await driver.PublishAsync(RedisDriverScope.Text(topic, "during"), CancellationToken.None));
            Assert.True(refused.IsTransient, refused.Message);
            Assert.Contains("XADD failed: no reply in time (readTimeout)", refused.Message, StringComparison.Ordinal);

            // The subscription's pass over pending entries (every 100 ms) times out too, and says so.
            await Eventually.HoldsAsync(
                () => logs.Messages(EventIds.RedisLog.ReadFailed).Any(m => m.Contains("XAUTOCLAIM failed: no reply in time", StringComparison.Ordinal)),
                RedisDriverScope.Patience,
                () => $"no timed-out XAUTOCLAIM logged; logged: {string.Join(" | ", logs.Events.Select(e => $"{e.EventId} {e.Message}"))}");
        }
        finally
        {
            server.Resume();
        }

        await driver.PublishAsync(RedisDriverScope.Text(topic, "after"), CancellationToken.None);
        await Eventually.HoldsAsync(() => received.Contains("after"), RedisDriverScope.Patience, received.Describe);
        Assert.Empty(logs.Messages(EventIds.RedisLog.ReadLoopFailed));
    }
}
