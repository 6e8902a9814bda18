using System.Net;
using Gateway.FaultTests.TestSupport;

namespace Gateway.FaultTests.Redis;

/// <summary>
/// <c>redis-server</c> (append-only, fsync always) killed under a running gateway while deliveries are
/// held by the app: publishes fail with 5xx, and after a restart everything acknowledged before arrives.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisOutageTests(FaultPki pki, ITestOutputHelper output)
{
    [Fact]
    public async Task ServerKilled_PublishesAnswer5xx_ThenRestarted_EverythingAcceptedBeforeIsDelivered()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var rig = await FaultRig.StartAsync(pki, RedisSigkillTests.RedisComponent(redis.Address), ResourceFolder.Unique("outage"));
        // The app holds every delivery until the server is back, so acknowledged entries are still pending when it dies.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Subscriber.Reply = async _ =>
        {
            await release.Task;
            return (200, "");
        };
        try
        {
            var before = Enumerable.Range(1, 30).Select(i => $"before-{i:00}").ToList();
            foreach (var id in before)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await rig.PublishAsync(id)).Status);
            }

            await rig.WaitForDeliveriesAsync(before.Take(1));
            await redis.KillAsync();
            var down = new List<(HttpStatusCode Status, TimeSpan Elapsed, string Body)>();
            foreach (var id in new[] { "down-1", "down-2", "down-3" })
            {
                down.Add(await rig.PublishAsync(id));
            }

            await redis.StartAgainAsync();
            release.SetResult();
            var recovery = await rig.PublishUntilAcceptedAsync("after");

            await rig.WaitForDeliveriesAsync([.. before, recovery[^1].Id]);
            output.WriteLine($"redis-server killed: {string.Join(", ", down.Select(d => $"{(int)d.Status} in {d.Elapsed.TotalMilliseconds:0} ms"))}");
            output.WriteLine($"first error body: {down[0].Body}");
            output.WriteLine($"after restart: {string.Join(", ", recovery.Select(r => (int)r.Status))} before the first 204; " +
                $"{rig.Subscriber.Received.Count} deliveries for {before.Count + 1} accepted messages");
            Assert.All(down, answer => Assert.InRange((int)answer.Status, 500, 599));
            Assert.All(recovery.SkipLast(1), answer => Assert.InRange((int)answer.Status, 500, 599));
        }
        finally
        {
            release.TrySetResult();
        }
    }
}
