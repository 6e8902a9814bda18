using System.Net;
using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;

namespace Gateway.FaultTests.Kafka;

/// <summary>
/// The Kafka broker going away under a running gateway (librdkafka's mock cluster in this process,
/// steered with broker down/up): a publish then never answers 204, and service resumes afterwards.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KafkaBrokerOutageTests(FaultPki pki, ITestOutputHelper output)
{
    [Fact]
    public async Task BrokerDown_PublishesAnswer5xx_ThenBrokerUp_PublishesAndDeliveriesResume()
    {
        using var cluster = new MockKafkaCluster(brokerCount: 1);
        var topic = ResourceFolder.Unique("outage");
        cluster.CreateTopic(topic, partitions: 2);
        var component = KafkaSigkillTests.KafkaComponent(cluster.BootstrapServers, publishTimeout: "3s");
        await using var rig = await FaultRig.StartAsync(pki, component, topic);
        string[] before = ["before-1", "before-2", "before-3"];
        foreach (var id in before)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await rig.PublishAsync(id)).Status);
        }

        await rig.WaitForDeliveriesAsync(before);

        cluster.SetBrokerDown(1);
        var down = new List<(HttpStatusCode Status, TimeSpan Elapsed, string Body)>();
        foreach (var id in new[] { "down-1", "down-2", "down-3" })
        {
            down.Add(await rig.PublishAsync(id));
        }

        cluster.SetBrokerUp(1);
        var recovery = await rig.PublishUntilAcceptedAsync("after");
        var accepted = new List<string> { recovery[^1].Id };
        foreach (var id in new[] { "later-1", "later-2", "later-3" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await rig.PublishAsync(id)).Status);
            accepted.Add(id);
        }

        await rig.WaitForDeliveriesAsync(accepted);
        output.WriteLine($"broker down: {string.Join(", ", down.Select(d => $"{(int)d.Status} in {d.Elapsed.TotalMilliseconds:0} ms"))} (publishTimeout 3s)");
        output.WriteLine($"first error body: {down[0].Body}");
        output.WriteLine($"after broker up: {string.Join(", ", recovery.Select(r => (int)r.Status))} before the first 204");
        Assert.All(down, answer => Assert.InRange((int)answer.Status, 500, 599));
        Assert.All(recovery.SkipLast(1), answer => Assert.InRange((int)answer.Status, 500, 599));
    }
}
