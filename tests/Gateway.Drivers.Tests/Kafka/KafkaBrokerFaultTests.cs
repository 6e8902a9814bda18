using System.Diagnostics;
using Gateway.Drivers.Kafka;
using Gateway.Kafka.TestCluster;
using Gateway.Tests.TestSupport;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>
/// Broker failures injected into a mock cluster of the test's own, whatever broker the other Kafka tests
/// use (<see cref="KafkaTestBroker"/>): only librdkafka's mock takes injected faults, so these tests always
/// run on one and check the driver against it.
/// </summary>
public sealed class KafkaBrokerFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Kafka API key of Produce requests.</summary>
    private const short ProduceApiKey = 0;

    /// <summary>Kafka error codes as the brokers send them.</summary>
    private const int NotEnoughReplicas = 19;
    private const int MessageTooLarge = 10;

    private static readonly Dictionary<string, string> ShortPublishTimeout = new() { [KafkaMetadataSchema.PublishTimeout] = "3s" };

    private MockKafkaCluster? _cluster;
    private KafkaDriverScope? _scope;

    public ValueTask InitializeAsync()
    {
        _cluster = new MockKafkaCluster(brokerCount: 1);
        _scope = new KafkaDriverScope(_cluster.BootstrapServers, ShortPublishTimeout);

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_scope is not null)
        {
            await _scope.DisposeAsync();
        }

        _cluster?.Dispose();
    }

    [Fact]
    public async Task Publish_WhileTheBrokerIsDown_FailsAsTransientAndDeliveryResumesWhenItIsBack()
    {
        var (cluster, scope) = (_cluster!, _scope!);

        var (topic, group) = (KafkaTestCluster.UniqueName("outage"), KafkaTestCluster.UniqueName("group"));
        var driver = scope.NewDriver();
        var received = new Conformance.ReceivedMessages();
        await scope.SubscribeAsync(driver, topic, group, received.Acknowledging);
        await driver.PublishAsync(KafkaDriverScope.Text(topic, "before"), CancellationToken.None);
        await KafkaDriverScope.WaitUntilAsync(() => received.Contains("before"), received.Describe);

        cluster.SetBrokerDown(1);
        var waited = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<DriverException>(
            () => driver.PublishAsync(KafkaDriverScope.Text(topic, "during"), CancellationToken.None).AsTask().WaitAsync(KafkaDriverScope.Patience));
        output.WriteLine($"publish failed after {waited.Elapsed}: {error.Message}");
        Assert.True(error.IsTransient, error.Message);

        cluster.SetBrokerUp(1);
        await PublishUntilAcceptedAsync(driver, topic, "after");
        await KafkaDriverScope.WaitUntilAsync(() => received.Contains("after"), received.Describe);
    }

    [Fact]
    public async Task Publish_BrokerAnswersNotEnoughReplicasUntilTheTimeout_FailsAsTransient()
    {
        var (cluster, scope) = (_cluster!, _scope!);

        var topic = KafkaTestCluster.UniqueName("replicas");
        var driver = scope.NewDriver();
        await driver.PublishAsync(KafkaDriverScope.Text(topic, "warm-up"), CancellationToken.None);

        // More refusals than the producer can retry within the publish timeout.
        cluster.PushRequestErrors(ProduceApiKey, [.. Enumerable.Repeat(NotEnoughReplicas, 500)]);
        var error = await Assert.ThrowsAsync<DriverException>(
            () => driver.PublishAsync(KafkaDriverScope.Text(topic, "refused"), CancellationToken.None).AsTask().WaitAsync(KafkaDriverScope.Patience));

        output.WriteLine(error.Message);
        Assert.True(error.IsTransient, error.Message);
    }

    [Fact]
    public async Task Publish_BrokerAnswersNotEnoughReplicasTwice_SucceedsThroughTheProducersOwnRetries()
    {
        var (cluster, scope) = (_cluster!, _scope!);

        var topic = KafkaTestCluster.UniqueName("replicas");
        var driver = scope.NewDriver();
        await driver.PublishAsync(KafkaDriverScope.Text(topic, "warm-up"), CancellationToken.None);
        cluster.PushRequestErrors(ProduceApiKey, NotEnoughReplicas, NotEnoughReplicas);

        await driver.PublishAsync(KafkaDriverScope.Text(topic, "retried"), CancellationToken.None).AsTask().WaitAsync(KafkaDriverScope.Patience);
    }

    [Fact]
    public async Task Publish_BrokerAnswersMessageTooLarge_FailsAsTerminal()
    {
        var (cluster, scope) = (_cluster!, _scope!);

        var topic = KafkaTestCluster.UniqueName("too-large");
        var driver = scope.NewDriver();
        await driver.PublishAsync(KafkaDriverScope.Text(topic, "warm-up"), CancellationToken.None);
        cluster.PushRequestErrors(ProduceApiKey, MessageTooLarge);

        var error = await Assert.ThrowsAsync<DriverException>(
            () => driver.PublishAsync(KafkaDriverScope.Text(topic, "refused"), CancellationToken.None).AsTask().WaitAsync(KafkaDriverScope.Patience));

        output.WriteLine(error.Message);
        Assert.False(error.IsTransient, error.Message);
    }

    [Fact]
    public async Task Health_BrokerDown_ReportsAReasonAndRecoversWhenItIsBack()
    {
        var (cluster, scope) = (_cluster!, _scope!);

        var health = (IDriverHealth)scope.NewDriver();
        Assert.Null(await health.CheckAsync(CancellationToken.None));

        cluster.SetBrokerDown(1);
        var reason = await health.CheckAsync(CancellationToken.None);
        output.WriteLine(reason ?? "(healthy)");
        Assert.NotNull(reason);

        cluster.SetBrokerUp(1);
        string? latest = reason;
        await KafkaDriverScope.WaitUntilAsync(() => (latest = health.CheckAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()) is null, () => $"still unhealthy: {latest}");
    }

    /// <summary>The producer reconnects with a back-off, so the first publishes after an outage may still time out.</summary>
    private static async Task PublishUntilAcceptedAsync(IPubSubDriver driver, string topic, string text)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await driver.PublishAsync(KafkaDriverScope.Text(topic, text), CancellationToken.None);
                return;
            }
            catch (DriverException error) when (error.IsTransient && deadline.Elapsed < KafkaDriverScope.Patience)
            {
                // Each attempt already waited up to the publish timeout; try again.
            }
        }
    }
}
