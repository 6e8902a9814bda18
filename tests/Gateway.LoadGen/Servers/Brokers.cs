using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;

namespace Gateway.LoadGen.Servers;

/// <summary>
/// The brokers a run needs, started on first use: a memory-only <c>redis-server</c> child process, and
/// librdkafka's mock Kafka cluster in its own process (or the cluster <c>KAFKA_BOOTSTRAP_SERVERS</c> names).
/// </summary>
internal sealed class Brokers : IAsyncDisposable
{
    private RedisServer? _redis;
    private MockKafkaClusterProcess? _kafka;
    private string? _kafkaBootstrap;

    public async Task<string> RedisAddressAsync()
    {
        _redis ??= await RedisServer.StartAsync(appendOnly: false);
        return _redis.Address;
    }

    public async Task<string> KafkaBootstrapAsync()
    {
        if (_kafkaBootstrap is null)
        {
            if (KafkaTestEnvironment.RealClusterBootstrapServers is { } real)
            {
                _kafkaBootstrap = real;
            }
            else
            {
                _kafka = await MockKafkaClusterProcess.StartAsync(brokerCount: 1, TimeSpan.FromSeconds(60));
                _kafkaBootstrap = _kafka.BootstrapServers;
            }
        }

        return _kafkaBootstrap;
    }

    /// <summary>A component's <c>spec.metadata</c> for <paramref name="kind"/>, starting its broker if needed.</summary>
    /// <summary>Extra metadata for every gateway component (<c>run --metadata NAME=VALUE</c>), e.g. a driver's <c>concurrency</c>.</summary>
    public Dictionary<string, string> ExtraMetadata { get; } = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, string>> MetadataAsync(BrokerKind kind)
    {
        var metadata = kind switch
        {
            BrokerKind.InMemory => new Dictionary<string, string>(),
            BrokerKind.Redis => new Dictionary<string, string> { ["redisHost"] = await RedisAddressAsync() },
            _ => new Dictionary<string, string> { ["brokers"] = await KafkaBootstrapAsync(), ["authType"] = "none", ["initialOffset"] = "oldest" },
        };
        foreach (var (name, value) in ExtraMetadata)
        {
            metadata[name] = value;
        }

        return metadata;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _kafka?.Dispose();
    }
}
