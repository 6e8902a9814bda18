using Gateway.Drivers.Redis;

namespace Gateway.Drivers.Tests.Redis;

public sealed class RedisOptionsParserTests
{
    public static TheoryData<string> RuntimeKeys => [.. RuntimeMetadataKeys.All, .. RuntimeMetadataKeys.All.Select(k => k.ToUpperInvariant())];

    [Fact]
    public void Parse_OnlyHost_GivesDaprDefaults()
    {
        var options = Parse(new() { ["redisHost"] = "redis.local" }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(
            ("redis.local", 0, false, 100, 10, 0L),
            (options.RedisHost, options.RedisDb, options.EnableTls, options.QueueDepth, options.Concurrency, options.MaxLenApprox));
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15)), (options.ProcessingTimeout, options.RedeliverInterval));
    }

    [Theory]
    [InlineData("processingTimeout", "500", 500)]
    [InlineData("processingTimeout", "2s", 2000)]
    [InlineData("processingTimeout", "1m30s", 90_000)]
    [InlineData("processingTimeout", "0", 0)]
    [InlineData("REDELIVERINTERVAL", "250", 250)]
    [InlineData("redeliverInterval", "1.5s", 1500)]
    public void Parse_Durations_NumbersAreMillisecondsOtherwiseGoDurations(string key, string value, int expectedMilliseconds)
    {
        var options = Parse(new() { ["redisHost"] = "h:1", [key] = value }, out var problems);

        Assert.Empty(problems);
        var actual = key.Equals("processingTimeout", StringComparison.OrdinalIgnoreCase) ? options.ProcessingTimeout : options.RedeliverInterval;
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), actual);
    }

    [Theory]
    [InlineData("redisDB", "x", "a whole number of zero or more")]
    [InlineData("redisDB", "-1", "a whole number of zero or more")]
    [InlineData("queueDepth", "0", "a whole number from 1 to 100000")]
    [InlineData("concurrency", "many", "a whole number from 1 to 10000")]
    [InlineData("maxLenApprox", "1.5", "a whole number of zero or more")]
    [InlineData("enableTLS", "yes", "'true' or 'false'")]
    [InlineData("processingTimeout", "soon", "a duration such as '100ms' or '1m' (a bare number is milliseconds)")]
    [InlineData("streamTTL", "3600", "a duration such as '100ms' or '1m'")]
    [InlineData("dialTimeout", "0", "a duration above zero such as '100ms' or '1m' (a bare number is milliseconds)")]
    [InlineData("redisHost", "redis:99999", "'host:port' addresses separated by commas (ports from 1 to 65535, 6379 when left out)")]
    [InlineData("redisType", "sentinel", "'node' or 'cluster'")]
    [InlineData("failover", "yes", "'true' or 'false'")]
    [InlineData("redisPort", "0", "a whole number from 1 to 65535")]
    [InlineData("publishReplicaAcks", "-1", "a whole number from 0 to 100")]
    [InlineData("readTimeout", "-2", "a duration above zero such as '100ms' or '1m' (a bare number is milliseconds)")]
    public void Parse_InvalidValue_IsOneProblemNamingKeyRequirementAndValue(string key, string value, string requirement)
    {
        var metadata = new Dictionary<string, string> { [key] = value };
        metadata.TryAdd("redisHost", "h:1");

        Parse(metadata, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal(key, problem.Key);
        Assert.Equal($"metadata '{key}' requires {requirement}; the value '{value}' is not recognised.", problem.Message);
    }

    [Fact]
    public void Parse_NoHost_IsAProblemNamingRedisHost()
    {
        Parse([], out var problems);

        Assert.Equal("redisHost", Assert.Single(problems).Key);
    }

    [Fact]
    public void Parse_MisspeltKey_IsAWarningNamingTheNearestKey()
    {
        Parse(new() { ["redisHost"] = "h", ["redisPasword"] = "x" }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal(("redisPasword", MetadataSeverity.Warning), (problem.Key, problem.Severity));
        Assert.Equal("metadata 'redisPasword' is not a pubsub.redis setting and has no effect; did you mean 'redisPassword'?", problem.Message);
    }

    [Theory]
    [InlineData("redisMaxRetries", "3")]
    [InlineData("writeTimeout", "3s")]
    [InlineData("idleCheckFrequency", "1s")]
    [InlineData("useEntraID", "true")]
    [InlineData("poolSize", "20")]
    [InlineData("ackOnError", "true")]
    public void Parse_DaprKeyWithoutEffectHere_IsAWarningSayingWhy(string key, string value)
    {
        Parse(new() { ["redisHost"] = "h", [key] = value }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal((key, MetadataSeverity.Warning), (problem.Key, problem.Severity));
        Assert.StartsWith($"metadata '{key}' is accepted but has no effect here: ", problem.Message);
    }

    [Theory]
    [InlineData("h1:7000,h2:7001,h3:7002", "cluster", "false", RedisTopology.Cluster)]
    [InlineData("s1:26379,s2:26379", "node", "true", RedisTopology.Sentinel)]
    [InlineData("h:6379", "node", "false", RedisTopology.Node)]
    public void Parse_RedisTypeAndFailover_ChooseTheTopology(string host, string redisType, string failover, RedisTopology expected)
    {
        var options = Parse(new() { ["redisHost"] = host, ["redisType"] = redisType, ["failover"] = failover, ["sentinelMasterName"] = "mymaster" }, out var problems);

        Assert.Equal(expected, options.Topology);
        Assert.DoesNotContain(problems, p => p.IsError);
    }

    [Fact]
    public void Parse_SeveralHostsWithoutClusterOrFailover_IsAnErrorSayingWhatToSet()
    {
        Parse(new() { ["redisHost"] = "h1:6379,h2:6379" }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal("metadata 'redisHost' lists 2 addresses, but a single server takes one: set 'redisType' to 'cluster' for a Redis Cluster, or 'failover' to 'true' for sentinels.", problem.Message);
    }

    [Fact]
    public void Parse_FailoverWithoutMasterName_IsAnError()
    {
        Parse(new() { ["redisHost"] = "s1:26379", ["failover"] = "true" }, out var problems);

        Assert.Equal(("sentinelMasterName", MetadataSeverity.Error), (Assert.Single(problems).Key, Assert.Single(problems).Severity));
    }

    [Fact]
    public void Parse_SentinelKeysWithoutFailover_WarnThatTheyDoNothing()
    {
        Parse(new() { ["redisHost"] = "h", ["sentinelMasterName"] = "mymaster", ["sentinelPassword"] = "s3cret" }, out var problems);

        Assert.All(problems, p => Assert.Equal(MetadataSeverity.Warning, p.Severity));
        Assert.Equal(["sentinelMasterName", "sentinelPassword"], problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.EndsWith("has no effect unless 'failover' is true.", p.Message));
    }

    [Fact]
    public void Parse_ClusterWithDatabase_WarnsAndUsesDatabaseZero()
    {
        var options = Parse(new() { ["redisHost"] = "h1:7000", ["redisType"] = "cluster", ["redisDB"] = "3" }, out var problems);

        Assert.Equal(0, options.RedisDb);
        Assert.Equal(("redisDB", MetadataSeverity.Warning), (Assert.Single(problems).Key, Assert.Single(problems).Severity));
    }

    [Theory]
    [InlineData("h", "6380", "h:6380")]
    [InlineData("h:6380", "6380", "h:6380")]
    [InlineData("h:6379", "6380", null)]
    public void Parse_RedisPort_IsAddedToAddressesWithoutOne_AndMustNotContradictThem(string host, string port, string? expected)
    {
        var options = Parse(new() { ["redisHost"] = host, ["redisPort"] = port }, out var problems);

        if (expected is null)
        {
            Assert.Equal("redisHost", Assert.Single(problems).Key);
        }
        else
        {
            Assert.Empty(problems);
            Assert.Equal(expected, Gateway.Drivers.Redis.Client.RedisConnection.DescribeForTests(options));
        }
    }

    [Fact]
    public void Parse_ReplicaAckTimeoutNotShorterThanReadTimeout_IsAnError()
    {
        Parse(new() { ["redisHost"] = "h", ["publishReplicaAcks"] = "1", ["publishReplicaAckTimeout"] = "3s", ["readTimeout"] = "3s" }, out var problems);

        Assert.Equal("publishReplicaAckTimeout", Assert.Single(problems).Key);
    }

    [Theory]
    [InlineData("readTimeout", 60_000)]
    [InlineData("redisMinRetryInterval", 0)]
    public void Parse_MinusOne_MeansNoneAsInDapr(string key, int expectedMilliseconds)
    {
        var options = Parse(new() { ["redisHost"] = "h", [key] = "-1" }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), key == "readTimeout" ? options.ReadTimeout : options.RedisMinRetryInterval);
    }

    [Theory]
    [MemberData(nameof(RuntimeKeys))]
    public void Parse_GatewayRuntimeKey_IsIgnored(string key)
    {
        Parse(new() { ["redisHost"] = "h", [key] = "app1" }, out var problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_BadClientKey_NeverRepeatsTheSecret()
    {
        var certificates = RedisTestCertificates.Create();

        Parse(new() { ["redisHost"] = "h", ["clientCert"] = certificates.ClientCertificatePem, ["clientKey"] = "hunter2-secret" }, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal("clientKey", problem.Key);
        Assert.DoesNotContain("hunter2", problem.Message);
    }

    [Fact]
    public void Parse_ClientCertWithoutKey_AsksForBoth()
    {
        var certificates = RedisTestCertificates.Create();

        Parse(new() { ["redisHost"] = "h", ["clientCert"] = certificates.ClientCertificatePem }, out var problems);

        Assert.Equal("metadata 'clientCert' is set but 'clientKey' is not; set both or neither.", Assert.Single(problems).Message);
    }

    [Fact]
    public void ToString_WithPassword_DoesNotShowIt()
    {
        var options = Parse(new() { ["redisHost"] = "h", ["redisPassword"] = "hunter2-secret" }, out _);

        Assert.DoesNotContain("hunter2", options.ToString());
    }

    [Fact]
    public void Create_InvalidMetadata_ThrowsTerminalErrorNamingComponentAndKey()
    {
        var context = new DriverContext("orders", new Dictionary<string, string> { ["redisHost"] = "h", ["redisDB"] = "x" },
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System);

        var error = Assert.Throws<DriverException>(() => new RedisDriverFactory().Create(context));

        Assert.False(error.IsTransient);
        Assert.Equal("component 'orders' (pubsub.redis): metadata 'redisDB' requires a whole number of zero or more; the value 'x' is not recognised.", error.Message);
    }

    private static RedisOptions Parse(Dictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems) =>
        RedisOptionsParser.Parse(metadata, out problems);
}
