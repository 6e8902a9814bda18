using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>
/// Component files as Dapr's documentation and repositories write them (<c>testassets/dapr-kafka</c> and
/// <c>testassets/dapr-redis</c>, each listed in its folder's README) load with the real drivers, with at most
/// warnings, and the warnings name the key and say why.
/// </summary>
public sealed class DaprComponentFolderTests(ITestOutputHelper output)
{
    private const string Kafka = "dapr-kafka";
    private const string Redis = "dapr-redis";

    private static readonly Dictionary<string, string> TypeOf = new() { [Kafka] = "pubsub.kafka", [Redis] = "pubsub.redis" };

    public static TheoryData<string, string> Files => [.. TypeOf.Keys.SelectMany(folder => FileNames(folder).Select(file => (folder, file)))];

    [Theory]
    [MemberData(nameof(Files))]
    public void DaprComponent_LoadsWithAtMostWarnings(string folder, string file)
    {
        var result = Load(folder, file);

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(TypeOf[folder], Assert.Single(result.Resources!.Components).Type);
    }

    [Theory]
    [InlineData(Kafka)]
    [InlineData(Redis)]
    public void Folder_HoldsEveryFileItsReadmeNames(string folder)
    {
        var readme = File.ReadAllText(Path.Combine(PathOf(folder), "README.md"));

        Assert.All(FileNames(folder), name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
        Assert.True(FileNames(folder).Count >= 15, $"only {FileNames(folder).Count} files in {folder}");
    }

    [Theory]
    [InlineData(Kafka, "docs-exclude-metadata.yaml", "metadata 'excludeMetaHeaderRegex' is not a pubsub.kafka setting and has no effect; did you mean 'excludeHeaderMetaRegex'?")]
    [InlineData(Kafka, "docs-auth-required.yaml", "metadata 'authRequired' is deprecated (as in Dapr); use 'authType' instead.")]
    [InlineData(Kafka, "docs-component-format.yaml", "metadata 'schemaRegistryURL' is accepted but has no effect here:")]
    [InlineData(Kafka, "docs-component-format.yaml", "metadata 'consumerGroupRebalanceStrategy' is 'sticky'")]
    [InlineData(Kafka, "docs-aws-iam.yaml", "metadata 'authType' is 'awsiam', which the gateway does not build yet")]
    [InlineData(Kafka, "contrib-exactly-once.yaml", "metadata 'enableExactlyOnceSemantics' is accepted but has no effect here:")]
    [InlineData(Redis, "docs-component-format.yaml", "metadata 'useEntraID' is accepted but has no effect here: token authentication")]
    [InlineData(Redis, "docs-every-field.yaml", "metadata 'poolSize' is accepted but has no effect here: StackExchange.Redis")]
    [InlineData(Redis, "contrib-sentinel.yaml", "metadata 'redisMaxRetries' is accepted but has no effect here: the driver never resends")]
    [InlineData(Redis, "contrib-orderings.yaml", "metadata 'pubsubLastDeliveredEntry' is not a pubsub.redis setting and has no effect")]
    [InlineData(Redis, "contrib-standard.yaml", "metadata 'redisPassword' is given twice (also on line 11); the last value is used, as Dapr does")]
    public void DaprComponent_WarningsNameTheKeyAndSayWhy(string folder, string file, string expected)
    {
        var result = Load(folder, file);

        Assert.Contains(result.Warnings, w => w.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaHonouredKeys_OfTheDocumentationExample_RaiseNoWarning()
    {
        var result = Load(Kafka, "docs-component-format.yaml");

        string[] honoured = ["brokers", "consumerGroup", "consumerID", "clientID", "authType", "saslUsername", "saslPassword", "saslMechanism", "maxMessageBytes",
            "consumeRetryInterval", "heartbeatInterval", "sessionTimeout", "disableTls", "consumerFetchMin", "consumerFetchDefault", "escapeHeaders"];
        Assert.DoesNotContain(result.Warnings, w => honoured.Any(key => w.Message.StartsWith($"metadata '{key}'", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("docs-component-format.yaml", "metadata 'useEntraID' is accepted but has no effect here: token authentication")]
    [InlineData("docs-every-field.yaml", "metadata 'poolSize' is accepted but has no effect here: StackExchange.Redis")]
    [InlineData("contrib-sentinel.yaml", "metadata 'redisMaxRetries' is accepted but has no effect here: the driver never resends")]
    [InlineData("contrib-orderings.yaml", "metadata 'pubsubLastDeliveredEntry' is not a pubsub.redis setting and has no effect")]
    [InlineData("contrib-standard.yaml", "metadata 'redisPassword' is given twice (also on line 11); the last value is used, as Dapr does")]
    public void DaprRedisComponent_WarningsNameTheKeyAndSayWhy(string file, string expected)
    {
        var result = Load(Redis, file);

        Assert.Contains(result.Warnings, w => w.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("docs-cluster.yaml")]
    [InlineData("docs-sentinel.yaml")]
    [InlineData("contrib-sentinel-pass.yaml")]
    [InlineData("dapr-tests-messagebus.yaml")]
    public void RedisTopologyAndConnectionKeys_RaiseNoWarning(string file)
    {
        var result = Load(Redis, file);

        string[] honoured = ["redisHost", "redisType", "failover", "sentinelMasterName", "sentinelUsername", "sentinelPassword", "redisPassword", "redisDB",
            "readTimeout", "processingTimeout", "redeliverInterval", "redisMinRetryInterval", "redisMaxRetryInterval", "dialTimeout"];
        Assert.DoesNotContain(result.Warnings, w => honoured.Any(key => w.Message.StartsWith($"metadata '{key}'", StringComparison.Ordinal)));
    }

    private static string PathOf(string folder) => Path.Combine(Operations.RepositoryFiles.Root, "tests", "Gateway.Tests", "testassets", folder);

    private static List<string> FileNames(string folder) =>
        [.. Directory.EnumerateFiles(PathOf(folder), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static ResourceLoadResult Load(string folder, string file)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-" + folder + "-").FullName;
        try
        {
            File.Copy(Path.Combine(PathOf(folder), file), Path.Combine(directory, file));
            return ResourceLoader.Load(directory, DriverCatalog.Default);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
