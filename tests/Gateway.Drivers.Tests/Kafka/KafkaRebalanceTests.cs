using System.Collections.Concurrent;
using System.Text;
using Gateway.Kafka.TestCluster;
using Gateway.Tests.TestSupport;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>Partitions moving between group members: nothing may be lost on the way.</summary>
public sealed class KafkaRebalanceTests : IAsyncLifetime
{
    private readonly KafkaDriverScope _scope = new(KafkaTestCluster.BootstrapServers);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task GroupMember_DisposedMidStream_EveryMessageIsStillAcknowledgedAtLeastOnce()
    {
        var (topic, group) = (KafkaTestCluster.UniqueName("rebalance"), KafkaTestCluster.UniqueName("group"));
        await KafkaTestCluster.CreateTopicAsync(topic, partitions: 4);
        var (first, second, publisher) = (_scope.NewDriver(), _scope.NewDriver(), _scope.NewDriver());
        var acknowledged = new ConcurrentDictionary<string, string>();
        MessageHandler Member(string name) => async (message, cancellationToken) =>
        {
            // Slow enough that the first member has messages in flight when it leaves.
            await Task.Delay(5, cancellationToken);
            acknowledged.TryAdd(Encoding.UTF8.GetString(message.Data.Span), name);
            return MessageOutcome.Acknowledge;
        };

        var leaving = await _scope.SubscribeAsync(first, topic, group, Member("first"), maxConcurrency: 2);
        await _scope.SubscribeAsync(second, topic, group, Member("second"), maxConcurrency: 2);
        var sent = Enumerable.Range(1, 300).Select(i => $"message-{i:000}").ToList();
        foreach (var text in sent.Take(150))
        {
            await publisher.PublishAsync(KafkaDriverScope.Text(topic, text), CancellationToken.None);
        }

        await KafkaDriverScope.WaitUntilAsync(() => acknowledged.Values.Contains("first"), () => "the first member acknowledged nothing");
        await leaving.DisposeAsync();
        foreach (var text in sent.Skip(150))
        {
            await publisher.PublishAsync(KafkaDriverScope.Text(topic, text), CancellationToken.None);
        }

        await KafkaDriverScope.WaitUntilAsync(
            () => sent.All(acknowledged.ContainsKey),
            () => $"{sent.Count(t => !acknowledged.ContainsKey(t))} messages were never acknowledged, such as {string.Join(", ", sent.Where(t => !acknowledged.ContainsKey(t)).Take(5))}");
        Assert.Contains("second", acknowledged.Values);
    }

    [Fact]
    public async Task MockClusterProcess_OutlivesTheDriverThatUsedIt_AndKeepsTheGroupsOffsets()
    {
        using var cluster = await MockKafkaClusterProcess.StartAsync(brokerCount: 1, KafkaDriverScope.Patience);
        var (topic, group) = (KafkaTestCluster.UniqueName("process"), KafkaTestCluster.UniqueName("group"));
        var earlier = new Conformance.ReceivedMessages();
        await using (var gone = new KafkaDriverScope(cluster.BootstrapServers))
        {
            var driver = gone.NewDriver();
            await gone.SubscribeAsync(driver, topic, group, earlier.Acknowledging);
            await driver.PublishAsync(KafkaDriverScope.Text(topic, "first"), CancellationToken.None);
            await KafkaDriverScope.WaitUntilAsync(() => earlier.Contains("first"), earlier.Describe);
            await driver.PublishAsync(KafkaDriverScope.Text(topic, "while-away"), CancellationToken.None);
            await KafkaDriverScope.WaitUntilAsync(() => earlier.Contains("while-away"), earlier.Describe);
        }

        var later = new Conformance.ReceivedMessages();
        await using var scope = new KafkaDriverScope(cluster.BootstrapServers);
        var next = scope.NewDriver();
        await scope.SubscribeAsync(next, topic, group, later.Acknowledging);
        await next.PublishAsync(KafkaDriverScope.Text(topic, "second"), CancellationToken.None);

        await KafkaDriverScope.WaitUntilAsync(() => later.Contains("second"), later.Describe);
        Assert.False(cluster.HasExited);
        Assert.Equal(["second"], later.Texts);
    }
}
