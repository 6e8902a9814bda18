using Confluent.Kafka;
using Gateway.Kafka.TestCluster;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>The Kafka tests' broker: the one the environment asks for, reachable, and named in the run's output.</summary>
public sealed class KafkaTestBrokerTests(ITestOutputHelper output)
{
    [Fact]
    public void SharedBroker_AnswersMetadata_AndItsDescriptionSaysWhichKindItIs()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = KafkaTestBroker.BootstrapServers }).Build();

        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(30));

        var description = KafkaTestBroker.Describe();
        output.WriteLine(description);
        Assert.NotEmpty(metadata.Brokers);
        var expected = KafkaTestBroker.Kind switch
        {
            KafkaBrokerKind.Configured => KafkaTestEnvironment.BootstrapVariable,
            KafkaBrokerKind.Container => "Testcontainers.Kafka container",
            _ => $"librdkafka {Library.VersionString} mock cluster",
        };
        Assert.Contains(expected, description, StringComparison.Ordinal);
    }

    [Fact]
    public void Kind_FollowsTheEnvironment_BootstrapVariableFirst()
    {
        if (Environment.GetEnvironmentVariable(KafkaTestEnvironment.BootstrapVariable) is { Length: > 0 })
        {
            Assert.Equal(KafkaBrokerKind.Configured, KafkaTestBroker.Kind);
        }
        else
        {
            var docker = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");
            Assert.Equal(docker ? KafkaBrokerKind.Container : KafkaBrokerKind.Mock, KafkaTestBroker.Kind);
        }
    }

    [Fact]
    public void Library_IsTheBundledLibrdkafka_ThatConfluentKafkaWasBuiltFor() =>
        Assert.Equal("2.16.0", Library.VersionString);
}
