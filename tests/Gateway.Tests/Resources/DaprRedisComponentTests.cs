using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>
/// Redis component files as Dapr's documentation and repositories write them
/// (<c>testassets/dapr-redis</c>, listed in its README) load with the real drivers, with at most warnings.
/// </summary>
public sealed class DaprRedisComponentTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(Operations.RepositoryFiles.Root, "tests", "Gateway.Tests", "testassets", "dapr-redis");

    private static List<string> FileNames => [.. Directory.EnumerateFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files => [.. FileNames];

    [Theory]
    [MemberData(nameof(Files))]
    public void DaprRedisComponent_LoadsWithAtMostWarnings(string file)
    {
        var result = Load(file);

        foreach (var warning in result.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal("pubsub.redis", Assert.Single(result.Resources!.Components).Type);
    }

    [Fact]
    public void Folder_HoldsEveryFileItsReadmeNames()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        Assert.All(FileNames, name => Assert.Contains($"`{name}`", readme, StringComparison.Ordinal));
        Assert.True(FileNames.Count >= 15, $"only {FileNames.Count} files");
    }

    [Theory]
    [InlineData("docs-component-format.yaml", "metadata 'useEntraID' is accepted but has no effect here: token authentication")]
    [InlineData("docs-every-field.yaml", "metadata 'poolSize' is accepted but has no effect here: StackExchange.Redis")]
    [InlineData("contrib-sentinel.yaml", "metadata 'redisMaxRetries' is accepted but has no effect here: the driver never resends")]
    [InlineData("contrib-orderings.yaml", "metadata 'pubsubLastDeliveredEntry' is not a pubsub.redis setting and has no effect")]
    [InlineData("contrib-standard.yaml", "metadata 'redisPassword' is given twice (also on line 11); the last value is used, as Dapr does")]
    public void DaprRedisComponent_WarningsNameTheKeyAndSayWhy(string file, string expected)
    {
        var result = Load(file);

        Assert.Contains(result.Warnings, w => w.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("docs-cluster.yaml")]
    [InlineData("docs-sentinel.yaml")]
    [InlineData("contrib-sentinel-pass.yaml")]
    [InlineData("dapr-tests-messagebus.yaml")]
    public void TopologyAndConnectionKeys_RaiseNoWarning(string file)
    {
        var result = Load(file);

        string[] honoured = ["redisHost", "redisType", "failover", "sentinelMasterName", "sentinelUsername", "sentinelPassword", "redisPassword", "redisDB",
            "readTimeout", "processingTimeout", "redeliverInterval", "redisMinRetryInterval", "redisMaxRetryInterval", "dialTimeout"];
        Assert.DoesNotContain(result.Warnings, w => honoured.Any(key => w.Message.StartsWith($"metadata '{key}'", StringComparison.Ordinal)));
    }

    private static ResourceLoadResult Load(string file)
    {
        var directory = Directory.CreateTempSubdirectory("gateway-dapr-redis-").FullName;
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
