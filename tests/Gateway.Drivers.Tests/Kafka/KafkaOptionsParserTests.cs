using Confluent.Kafka;
using Gateway.Drivers.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class KafkaOptionsParserTests
{
    private static Dictionary<string, string> Minimal(params (string Key, string Value)[] extra)
    {
        var metadata = new Dictionary<string, string> { ["brokers"] = "localhost:9092", ["authType"] = "none" };
        foreach (var (key, value) in extra)
        {
            metadata[key] = value;
        }

        return metadata;
    }

    [Fact]
    public void Parse_BrokersAndAuthTypeOnly_IsAcceptedWithDefaults()
    {
        var options = KafkaOptionsParser.Parse(Minimal(), out var problems);

        Assert.Empty(problems);
        Assert.Equal("localhost:9092", options.Brokers);
        Assert.Equal(KafkaInitialOffset.Newest, options.InitialOffset);
        Assert.False(options.UsesTls);
    }

    [Theory]
    [InlineData("initialOffset", "x", "'oldest' or 'newest'")]
    [InlineData("compression", "brotli", "'none', 'gzip', 'snappy', 'lz4' or 'zstd'")]
    [InlineData("sessionTimeout", "abc", "a duration above zero such as '100ms' or '1m' (a bare number is milliseconds)")]
    [InlineData("maxMessageBytes", "-1", "a whole number of zero or more")]
    [InlineData("disableTls", "yes", "'true' or 'false'")]
    [InlineData("authType", "kerberos", "'none', 'password', 'mtls', 'certificate', 'oidc', 'oidc_private_key_jwt' or 'awsiam'")]
    [InlineData("producerRequiredAcks", "most", "'all', 'local' or 'none'")]
    public void Parse_UnrecognisedValue_IsAnErrorNamingTheKeyTheRequirementAndTheValue(string key, string value, string requirement)
    {
        KafkaOptionsParser.Parse(Minimal((key, value)), out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal((key, MetadataSeverity.Error), (problem.Key, problem.Severity));
        Assert.Equal($"metadata '{key}' requires {requirement}; the value '{value}' is not recognised.", problem.Message);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("none")]
    public void Parse_ProducerRequiredAcksOtherThanAll_LoadsWithAWarningBecauseA204IsAPromise(string value)
    {
        KafkaOptionsParser.Parse(Minimal(("producerRequiredAcks", value)), out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal(MetadataSeverity.Warning, problem.Severity);
        Assert.Contains("uses 'all'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("204", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredKeys_ReportsEachOne()
    {
        KafkaOptionsParser.Parse(new Dictionary<string, string>(), out var problems);

        Assert.Equal(["authType", "brokers"], problems.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("password", new[] { "saslPassword", "saslUsername" })]
    [InlineData("mtls", new[] { "clientCert", "clientKey" })]
    [InlineData("certificate", new[] { "caCert" })]
    public void Parse_AuthTypeWithoutItsCredentials_NamesTheMissingKeys(string authType, string[] missing)
    {
        KafkaOptionsParser.Parse(Minimal(("authType", authType)), out var problems);

        Assert.Equal(missing, problems.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_UnknownKeyIsAWarningWithTheNearestKey_RepeatedKeyIsAnError()
    {
        var metadata = Minimal(("consumerGroupp", "billing"), ("INITIALOFFSET", "oldest"), ("initialOffset", "newest"));

        KafkaOptionsParser.Parse(metadata, out var problems);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is { Key: "consumerGroupp", Severity: MetadataSeverity.Warning } && p.Message.EndsWith("did you mean 'consumerGroup'?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.IsError && p.Message.Contains("repeats", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BadSecret_NeverShowsItsValue()
    {
        var metadata = Minimal(("authType", "mtls"), ("clientCert", "-----BEGIN CERTIFICATE-----"), ("clientKey", "hunter2-private"));

        KafkaOptionsParser.Parse(metadata, out var problems);

        var problem = Assert.Single(problems);
        Assert.Equal("clientKey", problem.Key);
        Assert.DoesNotContain("hunter2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PasswordAuth_UsesSaslOverTlsAndKeepsThePasswordOutOfToString()
    {
        var options = KafkaOptionsParser.Parse(
            Minimal(("authType", "password"), ("saslUsername", "gateway"), ("saslPassword", "hunter2"), ("saslMechanism", "SHA-512")),
            out var problems);

        Assert.Empty(problems);
        var config = KafkaClientConfigs.Producer(options);
        Assert.Equal((SecurityProtocol.SaslSsl, SaslMechanism.ScramSha512), (config.SecurityProtocol, config.SaslMechanism));
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeartbeatNotBelowSessionTimeout_IsRejected()
    {
        KafkaOptionsParser.Parse(Minimal(("sessionTimeout", "5s"), ("heartbeatInterval", "5s")), out var problems);

        Assert.Equal("heartbeatInterval", Assert.Single(problems).Key);
    }

    [Fact]
    public void Parse_DaprKeysTheGatewayOwns_AreAcceptedAndIgnored()
    {
        KafkaOptionsParser.Parse(Minimal(("consumerGroup", "billing"), ("consumerID", "billing"), ("publishingScopes", "app=orders")), out var problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void Create_InvalidMetadata_ThrowsTerminalErrorNamingTheComponent()
    {
        var context = new DriverContext("orders", Minimal(("initialOffset", "x")), NullLoggerFactory.Instance, TimeProvider.System);

        var error = Assert.Throws<DriverException>(() => new KafkaDriverFactory().Create(context));

        Assert.False(error.IsTransient);
        Assert.Equal("component 'orders' (pubsub.kafka): metadata 'initialOffset' requires 'oldest' or 'newest'; the value 'x' is not recognised.", error.Message);
    }
}
