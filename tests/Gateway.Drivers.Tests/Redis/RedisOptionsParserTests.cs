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
    [InlineData("redisHost", "redis:99999", "one 'host:port' (the port from 1 to 65535, 6379 when left out)")]
    [InlineData("redisHost", "h1:6379,h2:6379", "one 'host:port' (the port from 1 to 65535, 6379 when left out)")]
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
    [InlineData("redisType", "cluster")]
    [InlineData("failover", "true")]
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
