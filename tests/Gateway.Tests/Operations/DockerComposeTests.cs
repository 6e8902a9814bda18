using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Operations;

/// <summary>
/// <c>docker-compose.yml</c>, checked without a Docker engine: <c>docker-compose config -q</c> (skipped when
/// the command is not installed), and the wiring between services, volumes, files and resources.
/// </summary>
public sealed class DockerComposeTests(ITestOutputHelper output)
{
    private static readonly YamlMappingNode Compose = YamlDocuments.Load(RepositoryFiles.Read("docker-compose.yml")).Single();

    private static YamlMappingNode Services => Compose.Map("services");

    [Fact]
    public async Task ComposeFile_IsAcceptedByDockerCompose()
    {
        var dockerCompose = CommandRunner.FindOnPath("docker-compose");
        Skip.When(
            dockerCompose is null,
            "needs the docker-compose command (not on PATH) to run 'docker-compose config -q'; the other tests of this class check the file without it. " +
            "Install it with 'apt-get install docker-compose', as tests/run.sh does.");

        var (exitCode, text) = await CommandRunner.RunAsync(dockerCompose, "-f", "docker-compose.yml", "config", "-q");

        output.WriteLine($"checked with {dockerCompose} config -q: exit {exitCode} {text}");
        Assert.True(exitCode == 0, text);
    }

    [Fact]
    public void Services_AreTheBrokersCertsGatewayAndTwoApps()
    {
        // The top-level `version` key is obsolete in the Compose specification; Docker Compose warns about it.
        Assert.False(Compose.Has("version"));
        Assert.Equal(["certs", "gateway", "kafka", "publisher", "redis", "subscriber"], Services.Keys().Order(StringComparer.Ordinal));
        Assert.StartsWith("apache/kafka", Services.Map("kafka").Text("image"), StringComparison.Ordinal);
        Assert.Equal("3", Services.Map("kafka").Map("environment").Text("KAFKA_NUM_PARTITIONS"));
        Assert.Equal("broker,controller", Services.Map("kafka").Map("environment").Text("KAFKA_PROCESS_ROLES"));
        // The named volume holds Kafka's log segments only when the image is told to keep them there.
        Assert.Equal("/var/lib/kafka/data", Services.Map("kafka").Map("environment").Text("KAFKA_LOG_DIRS"));
        Assert.Contains("kafka-data:/var/lib/kafka/data", Services.Map("kafka").Seq("volumes").Texts());
    }

    [Fact]
    public void NamedVolumes_AreDeclared_BindMounts_Exist()
    {
        var declared = Compose.Map("volumes").Keys().ToHashSet(StringComparer.Ordinal);
        foreach (var (service, source) in VolumeSources())
        {
            if (source.StartsWith("./", StringComparison.Ordinal))
            {
                Assert.True(Directory.Exists(RepositoryFiles.PathOf(source[2..])), $"{service}: bind mount {source} does not exist");
            }
            else
            {
                Assert.True(declared.Contains(source), $"{service}: volume '{source}' is not declared under volumes:");
            }
        }
    }

    [Fact]
    public void DependsOn_NamesServices_GatewayWaitsForCertsAndHealthyBrokers()
    {
        foreach (var service in Services.Children)
        {
            if (service.Value.Has("depends_on"))
            {
                foreach (var dependency in ((YamlMappingNode)service.Value).Map("depends_on").Keys())
                {
                    Assert.True(Services.Has(dependency), $"{service.Key} depends on unknown service {dependency}");
                }
            }
        }

        var gateway = Services.Map("gateway").Map("depends_on");
        Assert.Equal("service_completed_successfully", gateway.Map("certs").Text("condition"));
        Assert.Equal("service_healthy", gateway.Map("kafka").Text("condition"));
        Assert.Equal("service_healthy", gateway.Map("redis").Text("condition"));
        Assert.True(Services.Map("kafka").Has("healthcheck"));
        Assert.True(Services.Map("redis").Has("healthcheck"));
    }

    [Fact]
    public void GatewayAndCerts_AreBuiltFromTheDockerfile()
    {
        foreach (var name in new[] { "gateway", "certs" })
        {
            var build = Services.Map(name).Map("build");
            Assert.Equal(".", build.Text("context"));
            Assert.Equal("gateway/Dockerfile", build.Text("dockerfile"));
        }

        Assert.True(File.Exists(RepositoryFiles.PathOf("gateway/Dockerfile")));
    }

    [Fact]
    public void EveryCertificateFileUsed_IsIssuedByTheCertsService()
    {
        var script = Services.Map("certs").Seq("command").Texts().Single();
        var issued = new HashSet<string>(StringComparer.Ordinal) { "/certs/ca.crt" };
        foreach (var appId in System.Text.RegularExpressions.Regex.Matches(script, "--app-id ([a-z-]+)").Select(match => match.Groups[1].Value))
        {
            issued.Add($"/certs/{appId}.crt");
            issued.Add($"/certs/{appId}.key");
        }

        var used = new[] { "gateway", "publisher" }
            .SelectMany(name => Services.Map(name).Seq("command").Texts())
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, "/certs/[a-z.-]+").Select(match => match.Value))
            .ToList();

        Assert.Contains("/certs/gateway.key", used);
        Assert.Contains("/certs/publisher.key", used);
        Assert.All(used, file => Assert.Contains(file, issued));
        Assert.Contains("--trust-domain public", script, StringComparison.Ordinal);
        Assert.Contains("/certs/subscriber.crt", issued);
    }

    [Fact]
    public void ComposeResources_LoadWithoutErrors_AndPointAtComposeServices()
    {
        var loaded = ResourceLoader.Load(RepositoryFiles.PathOf("components/compose"), DriverCatalog.Default);

        Assert.Empty(loaded.Errors);
        var resources = loaded.Resources!;
        var kafka = Assert.Single(resources.Components, component => component.Type == "pubsub.kafka");
        var redis = Assert.Single(resources.Components, component => component.Type == "pubsub.redis");
        Assert.Equal("kafka:9092", kafka.MetadataDictionary["brokers"]);
        Assert.Equal("redis:6379", redis.MetadataDictionary["redisHost"]);
        Assert.Contains("kafka:9092", Services.Map("kafka").Map("environment").Text("KAFKA_ADVERTISED_LISTENERS"), StringComparison.Ordinal);

        // subscriber.py binds 127.0.0.1:<port>; it shares the gateway's network namespace to be reachable.
        var subscriber = Services.Map("subscriber");
        Assert.Equal("service:gateway", subscriber.Text("network_mode"));
        var app = Assert.Single(resources.Apps);
        Assert.Equal($"https://127.0.0.1:{subscriber.Seq("command").Texts().Last()}", app.BaseUrl);
        Assert.Contains("./components/compose:/components:ro", Services.Map("gateway").Seq("volumes").Texts());
    }

    private static IEnumerable<(string Service, string Source)> VolumeSources() =>
        Services.Children
            .Where(service => service.Value.Has("volumes"))
            .SelectMany(service => ((YamlMappingNode)service.Value).Seq("volumes").Texts()
                .Select(volume => (((YamlScalarNode)service.Key).Value!, volume.Split(':')[0])));
}
