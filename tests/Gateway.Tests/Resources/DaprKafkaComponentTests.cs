using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>
/// Kafka component files as Dapr's documentation and repositories write them
/// (<c>testassets/dapr-kafka</c>, listed in its README) load with the real drivers, with at most warnings.
/// </summary>
public sealed class DaprKafkaComponentTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(Operations.RepositoryFiles.Root, "tests", "Gateway.Tests", "testassets", "dapr-kafka");

    private static List<string> FileNames => [.. Directory.EnumerateFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files => [.. FileNames];

    [Theory]
    [MemberData(nameof(Files))]
    public void DaprKafkaComponent_LoadsWithAtMostWarnings(string file)
    {
        var result = Load(file);

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("pubsub.kafka", Assert.Single(result.Resources!.Components).Type);
    }

    [Fact]
    public void Folder_HoldsEveryFileItsReadmeNames()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        Assert.All(FileNames, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
        Assert.True(FileNames.Count >= 15, $"only {FileNames.Count} files");
    }

    [Theory]
    [InlineData("docs-exclude-metadata.yaml", "metadata 'excludeMetaHeaderRegex' is not a pubsub.kafka setting and has no effect; did you mean 'excludeHeaderMetaRegex'?")]
    [InlineData("docs-auth-required.yaml", "metadata 'authRequired' is deprecated (as in Dapr); use 'authType' instead.")]
    [InlineData("docs-component-format.yaml", "metadata 'schemaRegistryURL' is accepted but has no effect here:")]
    [InlineData("docs-component-format.yaml", "metadata 'consumerGroupRebalanceStrategy' is 'sticky'")]
    [InlineData("docs-aws-iam.yaml", "metadata 'authType' is 'awsiam', which the gateway does not build yet")]
    [InlineData("contrib-exactly-once.yaml", "metadata 'enableExactlyOnceSemantics' is accepted but has no effect here:")]
    public void DaprKafkaComponent_WarningsNameTheKeyAndSayWhy(string file, string expected)
    {
        var result = Load(file);

        Assert.Contains(result.Warnings, w => w.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void HonouredKeys_OfTheDocumentationExample_RaiseNoWarning()
    {
        var result = Load("docs-component-format.yaml");

        string[] honoured = ["brokers", "consumerGroup", "consumerID", "clientID", "authType", "saslUsername", "saslPassword", "saslMechanism", "maxMessageBytes",
            "consumeRetryInterval", "heartbeatInterval", "sessionTimeout", "disableTls", "consumerFetchMin", "consumerFetchDefault", "escapeHeaders"];
        Assert.DoesNotContain(result.Warnings, w => honoured.Any(key => w.Message.StartsWith($"metadata '{key}'", StringComparison.Ordinal)));
    }

    private static ResourceLoadResult Load(string file)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-dapr-kafka-").FullName;
        try
        {
            File.Copy(Path.Combine(Folder, file), Path.Combine(directory, file));
            return ResourceLoader.Load(directory, DriverCatalog.Default);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
