using Gateway.Drivers.Tests.Redis.Topologies;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Redis;

/// <summary>
/// The primary of a Sentinel set (two replicas) SIGKILLed while the gateway publishes a stream of messages,
/// after its replicas fell behind for a moment (SIGSTOPped and their replication links cut, as replicas
/// lagging on a busy network would be) and while the app held its deliveries (a slow consumer, so entries
/// wait in the stream). Redis replicates asynchronously: what the primary acknowledged meanwhile never
/// reached the replica the sentinels promote. Without <c>publishReplicaAcks</c> those publishes were answered
/// 204 and are lost; with it they were answered 5xx, and every 204 is delivered. Both runs print their counts.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisSentinelFailoverTests(FaultPki pki, ITestOutputHelper output)
{
    [Fact]
    public async Task PrimaryKilled_WithoutReplicaAcks_PublishesAfterTheFailoverAreDelivered_AndTheLostOnesAreCounted()
    {
        var outcome = await RunAsync(publishReplicaAcks: 0);

        // Every promise made once the new primary was in place is kept; what was promised during the
        // stall may be gone, which is what this run measures.
        Assert.Empty(outcome.MissingAfterFailover);
    }

    [Fact]
    public async Task PrimaryKilled_WithReplicaAcks_EveryAcceptedPublishIsDelivered()
    {
        var outcome = await RunAsync(publishReplicaAcks: 1);

        Assert.Empty(outcome.Missing);
        Assert.True(outcome.AcceptedDuringStall == 0, $"{outcome.AcceptedDuringStall} publishes were answered 204 while every replica was stalled");
        // Every publish that could not be kept said so as Dapr does; none was an unhandled error without a body.
        Assert.All(outcome.Refusals.Keys, refusal => Assert.Matches("^5[0-9][0-9] ERR_PUBSUB_PUBLISH_MESSAGE$", refusal));
    }

    private async Task<FailoverOutcome> RunAsync(int publishReplicaAcks)
    {
        await using var set = await RedisSentinelSet.StartAsync(replicas: 2);
        var component = TestAssets.Yaml("components/redis-sentinel.yaml", new
        {
            name = ResourceFolder.ComponentName, sentinels = set.SentinelAddresses, masterName = RedisSentinelSet.MasterName, publishReplicaAcks,
        });
        await using var rig = await FaultRig.StartAsync(pki, component, ResourceFolder.Unique("sentinel"));
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = false;
        rig.Subscriber.Reply = async _ =>
        {
            if (Volatile.Read(ref holding))
            {
                await held.Task;
            }

            return (200, "");
        };
        await using var publisher = rig.StartPublisher(connections: 4);
        try
        {
            await Eventually.TrueAsync(() => publisher.AcceptedIn("before") >= 200, "200 publishes accepted before the fault", TimeSpan.FromSeconds(60));

            var primary = await set.PrimaryAsync();
            var replicas = await set.ReplicasAsync();
            Volatile.Write(ref holding, true);
            foreach (var replica in replicas)
            {
                replica.Pause();
            }

            // What the kernel already holds for a stopped replica would still reach it; cutting the links leaves
            // what follows in the primary's backlog only.
            await primary.CliAsync("CLIENT", "KILL", "TYPE", "replica");
            publisher.Phase = "stalled";
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            publisher.Phase = "failover";
            await primary.KillAsync();
            foreach (var replica in replicas)
            {
                replica.Resume();
            }

            await set.WaitForFailoverAsync(primary);
            Volatile.Write(ref holding, false);
            held.TrySetResult();
            publisher.Phase = "after";
            await Eventually.TrueAsync(() => publisher.AcceptedIn("after") >= 200, "200 publishes accepted after the failover", TimeSpan.FromSeconds(60));
            await publisher.StopAsync();

            try
            {
                await Eventually.TrueAsync(
                    () => DeliveryCounts.Missing(publisher.Accepted.Keys, DeliveryCounts.Of(rig.Subscriber)).Count == 0, "every accepted publish delivered", TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException)
            {
                // Lost entries never arrive; the outcome below counts them.
            }
        }
        finally
        {
            // Held replies must end before the app stops.
            held.TrySetResult();
        }

        var accepted = publisher.Accepted;
        var counts = DeliveryCounts.Of(rig.Subscriber);
        var missing = DeliveryCounts.Missing(accepted.Keys, counts);
        var outcome = new FailoverOutcome(
            accepted.Count, publisher.AcceptedIn("stalled"), publisher.Failed, missing,
            [.. missing.Where(id => accepted[id] == "after")], DeliveryCounts.Duplicates(counts), publisher.Refusals);
        output.WriteLine($"pubsub.redis on Sentinel, publishReplicaAcks={publishReplicaAcks}: {outcome.Describe()}");
        output.WriteLine($"lost by phase: {string.Join(", ", missing.GroupBy(id => accepted[id]).Select(g => $"{g.Key} {g.Count()}"))}");
        if (missing.Count > 0)
        {
            // What the gateway said about the failover is what tells a lost entry from a reader that never came back.
            var log = rig.GatewayStandardOutput;
            output.WriteLine($"gateway log (last 12,000 characters):\n{log[Math.Max(0, log.Length - 12_000)..]}");
        }
        return outcome;
    }

    /// <summary>What one failover run observed; <paramref name="Missing"/> are the acknowledged-but-lost publishes.</summary>
    private sealed record FailoverOutcome(int Accepted, int AcceptedDuringStall, int Refused, IReadOnlyList<string> Missing, IReadOnlyList<string> MissingAfterFailover, int Duplicates,
        IReadOnlyDictionary<string, int> Refusals)
    {
        public string Describe() =>
            $"accepted (204)={Accepted}, accepted while the replicas were stalled={AcceptedDuringStall}, answered otherwise={Refused} " +
            $"({string.Join(", ", Refusals.Select(r => $"{r.Key}: {r.Value}"))}), " +
            $"acknowledged but lost={Missing.Count}, duplicates={Duplicates}" + (Missing.Count > 0 ? $" (e.g. {string.Join(", ", Missing.Take(5))})" : "");
    }
}
