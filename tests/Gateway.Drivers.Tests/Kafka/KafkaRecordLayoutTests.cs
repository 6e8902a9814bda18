using System.Text;
using Confluent.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>The record layout of spec §5.1, checked with a plain Confluent client on the other side.</summary>
public sealed class KafkaRecordLayoutTests : IAsyncLifetime
{
    private readonly KafkaDriverScope _scope = new(KafkaTestCluster.BootstrapServers);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task Publish_WithPartitionKeyAndMetadata_WritesKeyValueAndEveryMetadataEntryAsHeader()
    {
        var topic = KafkaTestCluster.UniqueName("layout");
        var driver = _scope.NewDriver();
        var metadata = new Dictionary<string, string> { ["partitionKey"] = "customer-7", ["rawPayload"] = "true", ["traceparent"] = "00-abc-01" };
        byte[] data = [0x7B, 0x00, 0xFF];

        await driver.PublishAsync(new PublishRequest(topic, data, "application/json", metadata), CancellationToken.None);

        var record = ReadFirstRecord(topic);
        Assert.Equal("customer-7", Encoding.UTF8.GetString(record.Message.Key));
        Assert.Equal(data, record.Message.Value);
        var headers = record.Message.Headers.ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()));
        Assert.All(metadata, entry => Assert.Equal(entry.Value, headers[entry.Key]));
        Assert.Equal("application/json", headers["__contentType"]);
    }

    [Fact]
    public async Task Publish_WithDaprKeyMetadata_UsesItAsTheRecordKey()
    {
        var topic = KafkaTestCluster.UniqueName("layout");
        var driver = _scope.NewDriver();

        await driver.PublishAsync(KafkaDriverScope.Text(topic, "keyed", new Dictionary<string, string> { ["__key"] = "from-dlq" }), CancellationToken.None);

        Assert.Equal("from-dlq", Encoding.UTF8.GetString(ReadFirstRecord(topic).Message.Key));
    }

    [Fact]
    public async Task Consume_RecordFromAnotherClient_CarriesKafkaMetadataHeadersAndPartitionOffsetId()
    {
        var (topic, group) = (KafkaTestCluster.UniqueName("layout"), KafkaTestCluster.UniqueName("group"));
        var driver = _scope.NewDriver();
        var received = new Conformance.ReceivedMessages();
        await _scope.SubscribeAsync(driver, topic, group, received.Acknowledging);
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = KafkaTestCluster.BootstrapServers }).Build();

        var written = await producer.ProduceAsync(topic, new Message<string, string>
        {
            Key = "order-1",
            Value = "{\"id\":1}",
            Timestamp = new Timestamp(1_700_000_000_123, TimestampType.CreateTime),
            Headers = new Headers { { "origin", Encoding.UTF8.GetBytes("sidecar") } },
        });

        await KafkaDriverScope.WaitUntilAsync(() => received.Count >= 1, received.Describe);
        var message = received.All[0];
        Assert.Equal($"{written.Partition.Value}-{written.Offset.Value}", message.Id);
        Assert.Null(message.ContentType);
        Assert.Equal("{\"id\":1}", Encoding.UTF8.GetString(message.Data.Span));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["__key"] = "order-1",
                ["__topic"] = topic,
                ["__partition"] = written.Partition.Value.ToString(),
                ["__offset"] = written.Offset.Value.ToString(),
                ["__timestamp"] = "1700000000123",
                ["origin"] = "sidecar",
            },
            message.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public async Task Publish_SameKeyManyTimes_LandsOnOnePartitionInOrder()
    {
        var (topic, group) = (KafkaTestCluster.UniqueName("layout"), KafkaTestCluster.UniqueName("group"));
        await KafkaTestCluster.CreateTopicAsync(topic, partitions: 4);
        var driver = _scope.NewDriver();
        var received = new Conformance.ReceivedMessages();
        await _scope.SubscribeAsync(driver, topic, group, received.Acknowledging, maxConcurrency: 4);
        var sent = Enumerable.Range(1, 20).Select(i => $"step-{i:00}").ToList();

        foreach (var text in sent)
        {
            await driver.PublishAsync(KafkaDriverScope.Text(topic, text, new Dictionary<string, string> { ["partitionKey"] = "customer-7" }), CancellationToken.None);
        }

        await KafkaDriverScope.WaitUntilAsync(() => received.DistinctTextCount == sent.Count, received.Describe);
        Assert.Single(received.All.Select(m => m.Metadata["__partition"]).Distinct());
        Assert.Equal(sent, received.Texts);
    }

    private static ConsumeResult<byte[], byte[]> ReadFirstRecord(string topic)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = KafkaTestCluster.BootstrapServers,
            GroupId = KafkaTestCluster.UniqueName("reader"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topic);
        try
        {
            return consumer.Consume(KafkaDriverScope.Patience) ?? throw new Xunit.Sdk.XunitException($"no record arrived on {topic} within {KafkaDriverScope.Patience}");
        }
        finally
        {
            consumer.Close();
        }
    }
}
