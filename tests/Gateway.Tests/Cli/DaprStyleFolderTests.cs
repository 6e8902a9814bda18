using Gateway.Cli;
using Gateway.Tests.Resources;

namespace Gateway.Tests.Cli;

/// <summary>
/// <c>gateway validate</c> on folders of Dapr-style YAML written for these tests (<c>testassets/resources/dapr-style*</c>):
/// markers, secrets, deprecated, accepted and unknown keys, a subscription without its pubsub, a document without
/// kind. The output is compared line by line with <c>expected-validate.txt</c> (the folder's path written as
/// <c>&lt;folder&gt;</c>); no secret value appears in it. <c>GATEWAY_UPDATE_GOLDEN=1</c> rewrites the expected files.
/// </summary>
public sealed class DaprStyleFolderTests
{
    private const string ExpectedFile = "expected-validate.txt";
    private static readonly string[] Secrets = ["dapr-style-redis-s3cr3t", "dapr-style-kafka-s3cr3t", "dapr-style-broken-db-s3cr3t", "dapr-style-broken-s3cr3t"];

    [Fact]
    public void DaprStyleFolder_Loads_WithTheExpectedWarnings_AndStrictFailsOnThem()
    {
        var (exitCode, output) = Validate("dapr-style", strict: false);
        var (strictExitCode, strictOutput) = Validate("dapr-style", strict: true);

        AssertMatchesExpected("dapr-style", output);
        Assert.Equal(0, exitCode);
        Assert.Equal(1, strictExitCode);
        Assert.Contains("and --strict treats them as errors", strictOutput, StringComparison.Ordinal);
        AssertNoSecret(output + strictOutput);
    }

    [Fact]
    public void DaprStyleFolder_EveryKindOfProblemHasItsWarning()
    {
        var (_, output) = Validate("dapr-style", strict: false);

        Assert.Multiple(
            () => Assert.Contains("metadata 'procesingTimeout' is not a pubsub.redis setting and has no effect; did you mean 'processingTimeout'?", output, StringComparison.Ordinal),
            () => Assert.Contains("metadata 'redisMaxRetries' is accepted but has no effect here", output, StringComparison.Ordinal),
            () => Assert.Contains("metadata 'authRequired' is deprecated", output, StringComparison.Ordinal),
            () => Assert.Contains("'{appId}' is not a marker", output, StringComparison.Ordinal),
            () => Assert.Contains("'{namespace}' in metadata 'consumerGroup' makes Dapr put the namespace in front of every topic", output, StringComparison.Ordinal),
            () => Assert.Contains("resource 'checkout' (Subscription): 'spec.pubsubname' is 'pubsub'", output, StringComparison.Ordinal),
            () => Assert.Contains("values.yaml:2: document 1: the document has no apiVersion and no kind, so it is not a resource and is skipped", output, StringComparison.Ordinal),
            () => Assert.Contains("valid: 3 component(s), 1 subscription(s), 0 app(s), 0 resiliency resource(s); 3 document(s) skipped", output, StringComparison.Ordinal));
    }

    [Fact]
    public void DaprStyleBrokenFolder_ReportsEveryProblemInOneRun_NamingStoresAndKeys_WithoutAnySecret()
    {
        var (exitCode, output) = Validate("dapr-style-broken", strict: false);

        AssertMatchesExpected("dapr-style-broken", output);
        Assert.Equal(1, exitCode);
        Assert.Multiple(
            () => Assert.Contains("metadata 'redisPassword': secret store 'local-secrets' (secretstores.local.file, file '<folder>/secrets.json'): its secret 'redis' has no key 'password'", output, StringComparison.Ordinal),
            () => Assert.Contains("the value from secret store 'local-secrets' (secret 'redis', key 'db') is not recognised", output, StringComparison.Ordinal),
            () => Assert.Contains("that store is of type 'secretstores.hashicorp.vault', which the gateway does not read", output, StringComparison.Ordinal),
            () => Assert.Contains("the environment variable 'ORDERS_UNSET_PASSWORD' is not set", output, StringComparison.Ordinal),
            () => Assert.Contains("metadata 'authRequired' requires", output, StringComparison.Ordinal),
            () => Assert.Contains("the default store 'kubernetes' is used", output, StringComparison.Ordinal));
        AssertNoSecret(output);
    }

    private static (int ExitCode, string Output) Validate(string caseName, bool strict)
    {
        var directory = GoldenResourceCases.CaseDirectory(caseName);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = ValidateCommand.Run(directory, stdout, stderr, strict, name => name == "ORDERS_KAFKA_PASSWORD" ? "dapr-style-kafka-s3cr3t" : null);
        var output = (stderr + stdout.ToString()).Replace(Path.GetFullPath(directory), "<folder>", StringComparison.Ordinal).ReplaceLineEndings("\n");
        return (exitCode, output);
    }

    private static void AssertMatchesExpected(string caseName, string output)
    {
        var expectedPath = Path.Combine(GoldenResourceCases.CaseDirectory(caseName), ExpectedFile);
        if (Environment.GetEnvironmentVariable("GATEWAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, output);
        }

        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), output);
    }

    private static void AssertNoSecret(string output) =>
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
}
