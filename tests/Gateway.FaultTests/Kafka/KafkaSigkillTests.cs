using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Kafka;

/// <summary>
/// The gateway process killed with SIGKILL mid-stream over <c>pubsub.kafka</c>: the broker (a mock
/// cluster in its own process, or <c>KAFKA_BOOTSTRAP_SERVERS</c>) outlives it and keeps the group's offsets.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KafkaSigkillTests(FaultPki pki, ITestOutputHelper output)
{
    private const int Messages = 300;

    [Fact]
    public async Task GatewayKilledMidStream_EveryAcceptedPublishIsDeliveredAfterRestart()
    {
        using var cluster = KafkaTestEnvironment.RealClusterBootstrapServers is null
            ? await MockKafkaClusterProcess.StartAsync(brokerCount: 1, TimeSpan.FromSeconds(30))
            : null;
        var brokers = KafkaTestEnvironment.RealClusterBootstrapServers ?? cluster!.BootstrapServers;

        var outcome = await SigkillScenario.RunAsync(pki, "pubsub.kafka", KafkaComponent(brokers), Messages, killAfterDelivered: Messages / 3, output);

        Assert.Empty(outcome.Missing);
        Assert.True(outcome.Accepted >= Messages / 3, $"only {outcome.Accepted} publishes got 204");
        Assert.True(outcome.DeliveredAtKill < outcome.Accepted, "the kill came after every accepted message was delivered, so it proved nothing");
    }

    internal static string KafkaComponent(string brokers, string publishTimeout = "10s") =>
        TestAssets.Yaml("components/kafka-faults.yaml", new { name = ResourceFolder.ComponentName, brokers, publishTimeout });
}
