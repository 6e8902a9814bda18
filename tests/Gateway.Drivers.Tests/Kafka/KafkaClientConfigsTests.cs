using Confluent.Kafka;
using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

/// <summary>Each Dapr key the driver honours ends up as the librdkafka setting that means the same.</summary>
public sealed class KafkaClientConfigsTests
{
    [Theory]
    [InlineData("consumerFetchMin", "4", "fetch.min.bytes", "4")]
    [InlineData("consumerFetchDefault", "2097152", "max.partition.fetch.bytes", "2097152")]
    [InlineData("clientConnectionTopicMetadataRefreshInterval", "4m", "topic.metadata.refresh.interval.ms", "240000")]
    [InlineData("clientConnectionKeepAliveInterval", "90s", "connections.max.idle.ms", "90000")]
    [InlineData("dialTimeout", "5s", "socket.connection.setup.timeout.ms", "5000")]
    [InlineData("readTimeout", "45s", "socket.timeout.ms", "45000")]
    [InlineData("writeTimeout", "2000", "socket.timeout.ms", "2000")]
    [InlineData("consumerGroupRebalanceStrategy", "roundrobin", "partition.assignment.strategy", "roundrobin")]
    [InlineData("consumerGroupRebalanceStrategy", "RANGE", "partition.assignment.strategy", "range")]
    [InlineData("clientID", "billing", "client.id", "billing")]
    public void Consumer_DaprKey_BecomesTheLibrdkafkaSetting(string key, string value, string setting, string expected)
    {
        var config = KafkaClientConfigs.Consumer(Parse((key, value)), "group");

        Assert.Equal(expected, config.Get(setting));
    }

    [Theory]
    [InlineData("producerRetryMax", "5", "message.send.max.retries", "5")]
    [InlineData("producerRetryMax", "0", "message.send.max.retries", "1")]
    [InlineData("maxMessageBytes", "2048", "message.max.bytes", "2048")]
    [InlineData("compression", "zstd", "compression.type", "zstd")]
    public void Producer_DaprKey_BecomesTheLibrdkafkaSetting(string key, string value, string setting, string expected)
    {
        var config = KafkaClientConfigs.Producer(Parse((key, value)));

        Assert.Equal(expected, config.Get(setting));
    }

    [Fact]
    public void ReadAndWriteTimeout_BothGiven_TheLongerOneIsTheSocketTimeout()
    {
        var config = KafkaClientConfigs.Consumer(Parse(("readTimeout", "10s"), ("writeTimeout", "40s")), "group");

        Assert.Equal("40000", config.Get("socket.timeout.ms"));
    }

    [Fact]
    public void Defaults_AskForLowLatency_OnEveryClient()
    {
        var options = Parse();
        var consumer = KafkaClientConfigs.Consumer(options, "group");
        var producer = KafkaClientConfigs.Producer(options);

        Assert.Equal(("100", true), (consumer.Get("fetch.wait.max.ms"), consumer.SocketNagleDisable));
        Assert.Equal((1.0, true, Acks.All, true), (producer.LingerMs, producer.SocketNagleDisable, producer.Acks, producer.EnableIdempotence));
        Assert.Null(consumer.Get("socket.timeout.ms"));
    }

    [Theory]
    [InlineData("true", "saslPassword", SecurityProtocol.SaslSsl)]
    [InlineData("true", null, SecurityProtocol.Ssl)]
    [InlineData("false", null, SecurityProtocol.Plaintext)]
    public void AuthRequired_WithoutAuthType_IsTranslatedAsDaprDoes_WithADeprecationWarning(string required, string? withKey, SecurityProtocol expected)
    {
        var metadata = new Dictionary<string, string> { ["brokers"] = "localhost:9092", ["authRequired"] = required };
        if (withKey is not null)
        {
            (metadata["saslUsername"], metadata["saslPassword"]) = ("user", "s3cret");
        }
        else if (required == "true")
        {
            (metadata["clientCert"], metadata["clientKey"]) = ("-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----");
        }

        var options = KafkaOptionsParser.Parse(metadata, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal(("authRequired", MetadataSeverity.Warning), (problem.Key, problem.Severity));
        Assert.Contains("use 'authType'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(expected, KafkaClientConfigs.Producer(options).SecurityProtocol);
    }

    [Fact]
    public void ExcludeHeaderMetaRegex_NotARegularExpression_IsAnError()
    {
        KafkaOptionsParser.Parse(Metadata(("excludeHeaderMetaRegex", "([a-z")), out var problems);

        Assert.Equal("metadata 'excludeHeaderMetaRegex' requires a regular expression; the value '([a-z' is not recognised.", Assert.Single(problems).Message);
    }

    [Fact]
    public void ConsumerGroupRebalanceStrategySticky_LoadsWithAWarning_AndRangeIsUsed()
    {
        var options = KafkaOptionsParser.Parse(Metadata(("consumerGroupRebalanceStrategy", "sticky")), out var problems);

        Assert.Equal(MetadataSeverity.Warning, Assert.Single(problems).Severity);
        Assert.Equal(PartitionAssignmentStrategy.Range, options.RebalanceStrategy);
    }

    private static Dictionary<string, string> Metadata(params (string Key, string Value)[] extra)
    {
        var metadata = new Dictionary<string, string> { ["brokers"] = "localhost:9092", ["authType"] = "none" };
        foreach (var (key, value) in extra)
        {
            metadata[key] = value;
        }

        return metadata;
    }

    private static KafkaOptions Parse(params (string Key, string Value)[] extra)
    {
        var options = KafkaOptionsParser.Parse(Metadata(extra), out var problems);
        Assert.Empty(problems);
        return options;
    }
}
