namespace Gateway.Kafka.TestCluster;

/// <summary>Which cluster Kafka tests use: a real one named by the environment, or the mock.</summary>
public static class KafkaTestEnvironment
{
    /// <summary>The environment variable that points tests at a real cluster.</summary>
    public const string BootstrapVariable = "KAFKA_BOOTSTRAP_SERVERS";

    /// <summary>The real cluster's bootstrap list, or null when tests use the mock cluster.</summary>
    public static string? RealClusterBootstrapServers =>
        Environment.GetEnvironmentVariable(BootstrapVariable) is { Length: > 0 } servers ? servers : null;
}
