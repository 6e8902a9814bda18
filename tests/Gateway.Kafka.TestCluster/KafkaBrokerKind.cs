namespace Gateway.Kafka.TestCluster;

/// <summary>Where the Kafka tests' broker comes from (<see cref="KafkaTestBroker"/>).</summary>
public enum KafkaBrokerKind
{
    /// <summary>The cluster named by <c>KAFKA_BOOTSTRAP_SERVERS</c>.</summary>
    Configured,

    /// <summary>A Testcontainers.Kafka container, started because a Docker engine is reachable.</summary>
    Container,

    /// <summary>librdkafka's mock cluster (the bundled librdkafka's <c>rd_kafka_mock_*</c>).</summary>
    Mock,
}
