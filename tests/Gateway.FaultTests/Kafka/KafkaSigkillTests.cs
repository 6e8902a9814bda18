using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Kafka;

/// <summary>
/// The gateway process killed with SIGKILL mid-stream over <c>pubsub.kafka</c>: the broker from
/// <see cref="KafkaTestBroker"/> (the mock in a process of its own, a container, or <c>KAFKA_BOOTSTRAP_SERVERS</c>)
/// outlives it and keeps the group's offsets.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KafkaSigkillTests(FaultPki pki, ITestOutputHelper output)
{
    private const int Messages = 300;

    [Fact]
    public async Task GatewayKilledMidStream_EveryAcceptedPublishIsDeliveredAfterRestart()
    {
        using var broker = await KafkaTestBroker.StartOutOfProcessAsync(TimeSpan.FromSeconds(30));
        var brokers = broker.BootstrapServers;

        var outcome = await SigkillScenario.RunAsync(pki, "pubsub.kafka", KafkaComponent(brokers), Messages, killAfterDelivered: Messages / 3, output);

        Assert.Empty(outcome.Missing);
        Assert.True(outcome.Accepted >= Messages / 3, $"only {outcome.Accepted} publishes got 204");
        Assert.True(outcome.DeliveredAtKill < outcome.Accepted, "the kill came after every accepted message was delivered, so it proved nothing");
    }

    internal static string KafkaComponent(string brokers, string publishTimeout = "10s") =>
        TestAssets.Yaml("components/kafka-faults.yaml", new { name = ResourceFolder.ComponentName, brokers, publishTimeout });
}
