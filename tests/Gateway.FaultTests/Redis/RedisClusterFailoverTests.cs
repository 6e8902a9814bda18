using Gateway.Drivers.Tests.Redis.Topologies;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Redis;

/// <summary>
/// A Redis Cluster (three primaries, a replica each) whose node serving the topic's hash slot is SIGKILLed
/// while the gateway publishes a stream; the cluster promotes its replica. The gateway follows the slot to
/// the new primary for publishes and for the subscription's blocking reads, and every publish answered 204
/// (with <c>publishReplicaAcks: 1</c>, so on a replica too) is delivered. The killed node comes back and
/// rejoins as the new primary's replica, so publishes are acknowledged again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisClusterFailoverTests(FaultPki pki, ITestOutputHelper output)
{
    [Fact]
    public async Task PrimaryOfTheTopicsSlotKilled_ReplicaPromoted_EveryAcceptedPublishIsDelivered()
    {
        await using var cluster = await RedisClusterSet.StartAsync(masters: 3, replicasEach: 1);
        var topic = ResourceFolder.Unique("cluster");
        var component = TestAssets.Yaml("components/redis-cluster.yaml", new
        {
            name = ResourceFolder.ComponentName, nodes = string.Join(",", cluster.Nodes.Take(3).Select(n => n.Address)), publishReplicaAcks = 1,
        });
        await using var rig = await FaultRig.StartAsync(pki, component, topic);
        await using var publisher = rig.StartPublisher(connections: 4);
        await Eventually.TrueAsync(() => publisher.AcceptedIn("before") >= 200, "200 publishes accepted before the fault", TimeSpan.FromSeconds(60));

        var primary = await cluster.PrimaryOfAsync(topic);
        publisher.Phase = "failover";
        await primary.KillAsync();
        await cluster.WaitForFailoverAsync(primary, topic);
        // Back as a replica of the promoted node (a restarted pod), so WAIT has a replica again.
        await primary.StartAgainAsync();
        publisher.Phase = "after";
        await Eventually.TrueAsync(() => publisher.AcceptedIn("after") >= 200, "200 publishes accepted after the failover", TimeSpan.FromSeconds(60));
        await publisher.StopAsync();

        var accepted = publisher.Accepted;
        await Eventually.TrueAsync(
            () => DeliveryCounts.Missing(accepted.Keys, DeliveryCounts.Of(rig.Subscriber)).Count == 0,
            $"every accepted publish delivered; missing {string.Join(", ", DeliveryCounts.Missing(accepted.Keys, DeliveryCounts.Of(rig.Subscriber)).Take(10))}\n{rig.GatewayStandardOutput[Math.Max(0, rig.GatewayStandardOutput.Length - 6000)..]}",
            TimeSpan.FromSeconds(60));
        var counts = DeliveryCounts.Of(rig.Subscriber);
        output.WriteLine($"pubsub.redis on a cluster, slot primary {primary.Address} killed: accepted (204)={accepted.Count}, " +
            $"answered otherwise={publisher.Failed}, duplicates={DeliveryCounts.Duplicates(counts)}, missing=0");
    }
}
