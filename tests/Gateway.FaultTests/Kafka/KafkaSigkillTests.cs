using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;
using Xunit.Abstractions;

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

        var outcome = await SigkillScenario.RunAsync(pki, "pubsub.kafka", KafkaMetadata(brokers), Messages, killAfterDelivered: Messages / 3, output);

        Assert.Empty(outcome.Missing);
        Assert.True(outcome.Accepted >= Messages / 3, $"only {outcome.Accepted} publishes got 204");
        Assert.True(outcome.DeliveredAtKill < outcome.Accepted, "the kill came after every accepted message was delivered, so it proved nothing");
    }

    internal static Dictionary<string, string> KafkaMetadata(string brokers, string publishTimeout = "10s") => new()
    {
        ["brokers"] = brokers,
        ["authType"] = "none",
        ["initialOffset"] = "oldest",
        // A killed member holds its partitions until the session times out; keep that short.
        ["sessionTimeout"] = "6s",
        ["heartbeatInterval"] = "1s",
        ["publishTimeout"] = publishTimeout,
        ["backOffDuration"] = "200ms",
    };
}
