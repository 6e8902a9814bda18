using Gateway.Drivers.Kafka;
using Gateway.Kafka.TestCluster;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>
/// The cluster Kafka tests share, from <see cref="KafkaTestBroker"/> (<c>KAFKA_BOOTSTRAP_SERVERS</c>, a
/// container, or the mock), and the driver metadata they use. Tests keep apart by unique topic and group names.
/// </summary>
internal static class KafkaTestCluster
{
    public static string BootstrapServers => KafkaTestBroker.BootstrapServers;

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
    public static Task CreateTopicAsync(string name, int partitions) => KafkaTestBroker.CreateTopicAsync(name, partitions);

    public static string UniqueName(string purpose) => $"kafka-{purpose}-{Guid.NewGuid():N}";
}
