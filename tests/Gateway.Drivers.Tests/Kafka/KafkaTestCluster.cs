using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Gateway.Drivers.Kafka;
using Gateway.Kafka.TestCluster;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>
/// The cluster Kafka tests share: the real one named by <c>KAFKA_BOOTSTRAP_SERVERS</c>, or one
/// in-process mock cluster started on first use and kept for the test run. Tests keep apart by
/// unique topic and group names.
/// </summary>
internal static class KafkaTestCluster
{
    private static readonly Lazy<MockKafkaCluster> SharedMock = new(() => new MockKafkaCluster(brokerCount: 1));

    public static bool IsReal => KafkaTestEnvironment.RealClusterBootstrapServers is not null;

    public static string BootstrapServers => KafkaTestEnvironment.RealClusterBootstrapServers ?? SharedMock.Value.BootstrapServers;

    /// <summary>
    /// Driver metadata for tests: plain TCP, a group that notices members leaving within seconds,
    /// and short retry delays so redelivery tests finish quickly.
    /// </summary>
    public static Dictionary<string, string> Metadata(string bootstrapServers, IReadOnlyDictionary<string, string>? extra = null)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [KafkaMetadataSchema.Brokers] = bootstrapServers,
            [KafkaMetadataSchema.AuthType] = "none",
            [KafkaMetadataSchema.SessionTimeout] = "6s",
            [KafkaMetadataSchema.HeartbeatInterval] = "500ms",
            [KafkaMetadataSchema.BackOffDuration] = "100ms",
            [KafkaMetadataSchema.PublishTimeout] = "15s",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            metadata[key] = value;
        }

        return metadata;
    }

    /// <summary>Creates a topic with <paramref name="partitions"/> partitions on the shared cluster.</summary>
    public static async Task CreateTopicAsync(string name, int partitions)
    {
        if (!IsReal)
        {
            SharedMock.Value.CreateTopic(name, partitions);
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = -1 }]);
    }

    public static string UniqueName(string purpose) => $"kafka-{purpose}-{Guid.NewGuid():N}";
}
