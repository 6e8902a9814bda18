using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Testcontainers.Kafka;

namespace Gateway.Kafka.TestCluster;

/// <summary>
/// The one place the Kafka tests (conformance, faults, SIGKILL, replicas) get their broker from:
/// <c>KAFKA_BOOTSTRAP_SERVERS</c> when set, else a Testcontainers.Kafka container when a Docker engine is
/// reachable, else librdkafka's mock cluster. The shared broker starts on first use and lives for the test
/// run; tests keep apart by unique topic and group names. Which broker was used is written to the file
/// named by <c>KAFKA_TEST_BROKER_REPORT</c> (tests/run.sh prints it).
/// </summary>
public static class KafkaTestBroker
{
    /// <summary>The environment variable naming the file the choice is reported to.</summary>
    public const string ReportVariable = "KAFKA_TEST_BROKER_REPORT";

    /// <summary>The image of the container broker (Apache Kafka in KRaft mode, as in docker-compose.yml).</summary>
    public const string ContainerImage = "confluentinc/cp-kafka:7.6.1";

    private static readonly Lazy<Task<SharedBroker>> Shared = new(StartAsync);

    /// <summary>What this run uses, decided from the environment without starting anything.</summary>
    public static KafkaBrokerKind Kind =>
        KafkaTestEnvironment.RealClusterBootstrapServers is not null ? KafkaBrokerKind.Configured
        : DockerEngineReachable() ? KafkaBrokerKind.Container
        : KafkaBrokerKind.Mock;

    public static bool IsMock => Kind == KafkaBrokerKind.Mock;

    /// <summary>The shared broker's bootstrap list; starts it on first use.</summary>
    public static string BootstrapServers => Shared.Value.GetAwaiter().GetResult().BootstrapServers;

    /// <summary>One line saying which broker the run uses.</summary>
    public static string Describe() => Shared.Value.GetAwaiter().GetResult().Description;

    /// <summary>Creates a topic with <paramref name="partitions"/> partitions on the shared broker.</summary>
    public static async Task CreateTopicAsync(string name, int partitions)
    {
        var shared = await Shared.Value;
        if (shared.Mock is { } mock)
        {
            mock.CreateTopic(name, partitions);
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = shared.BootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = name, NumPartitions = partitions, ReplicationFactor = -1 }]);
    }

    /// <summary>
    /// A broker that outlives a process under test that is killed: with the mock, a mock cluster in a
    /// child process of its own; otherwise the shared broker, which lives outside this process anyway.
    /// </summary>
    public static async Task<OutOfProcessBroker> StartOutOfProcessAsync(TimeSpan timeout)
    {
        if (IsMock)
        {
            var process = await MockKafkaClusterProcess.StartAsync(brokerCount: 1, timeout);
            Report($"librdkafka {Library.VersionString} mock cluster in a child process at {process.BootstrapServers}");
            return new OutOfProcessBroker(process.BootstrapServers, process);
        }

        return new OutOfProcessBroker(BootstrapServers, null);
    }

    private static async Task<SharedBroker> StartAsync()
    {
        SharedBroker shared;
        switch (Kind)
        {
            case KafkaBrokerKind.Configured:
                var servers = KafkaTestEnvironment.RealClusterBootstrapServers!;
                shared = new SharedBroker(servers, $"the cluster {KafkaTestEnvironment.BootstrapVariable} names ({servers})", null);
                break;
            case KafkaBrokerKind.Container:
                // Failing to start is an error of the run, not a reason to fall back quietly.
                var container = new KafkaBuilder(ContainerImage).Build();
                await container.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
                shared = new SharedBroker(container.GetBootstrapAddress(), $"a Testcontainers.Kafka container ({ContainerImage}) at {container.GetBootstrapAddress()}", null);
                break;
            default:
                var mock = new MockKafkaCluster(brokerCount: 1);
                shared = new SharedBroker(mock.BootstrapServers, $"librdkafka {Library.VersionString} mock cluster in the test process at {mock.BootstrapServers}", mock);
                break;
        }

        Report(shared.Description);
        return shared;
    }

    /// <summary>Docker's own rule: <c>DOCKER_HOST</c>, else the default socket.</summary>
    private static bool DockerEngineReachable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");

    private static void Report(string description)
    {
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } file)
        {
            // bin/<configuration>/<framework>/ under the test project's folder names the test assembly.
            var project = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Parent?.Parent?.Name;
            File.AppendAllText(file, $"Kafka tests ({project}): {description}{Environment.NewLine}");
        }
    }

    private sealed record SharedBroker(string BootstrapServers, string Description, MockKafkaCluster? Mock);
}
