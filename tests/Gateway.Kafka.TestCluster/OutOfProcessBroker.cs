namespace Gateway.Kafka.TestCluster;

/// <summary>A broker that survives the process under test (<see cref="KafkaTestBroker.StartOutOfProcessAsync"/>); disposing stops only what was started for it.</summary>
public sealed class OutOfProcessBroker(string bootstrapServers, MockKafkaClusterProcess? process) : IDisposable
{
    public string BootstrapServers { get; } = bootstrapServers;

    public void Dispose() => process?.Dispose();
}
