using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Cli;

/// <summary><c>gateway validate</c> as a user runs it: the real program, a folder, an exit code.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-validate-").FullName;

    [Fact]
    public async Task Validate_FolderOfBrokenFiles_ReportsEveryErrorInOneRunAndExits1()
    {
        File.WriteAllText(Path.Combine(_folder, "components.yaml"), """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.nope
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: memory
            spec:
              type: pubsub.in-memory
              metadata:
              - name: maxPendingMessages
                value: lots
              - name: colour
                value: blue
            """);
        File.WriteAllText(Path.Combine(_folder, "subscriptions.yaml"), """
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: orders
            spec:
              pubsubname: missing
              topic: orders
              routes:
                default: /orders
                rules:
                - match: event.type = "a"
                  path: /a
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: orders
            spec:
              pubsubname: memory
              topc: typo
            """);
        File.WriteAllText(Path.Combine(_folder, "apps.yaml"), """
            apiVersion: gateway/v1alpha1
            kind: App
            metadata:
              name: checkout
            spec:
              baseUrl: http://checkout:3000
              maxConcurrency: 0
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: stray
            """);

        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(_folder, "validate", "--resources-path", _folder);

        Assert.Equal(1, exitCode);
        var errors = stderr.Split('\n').Where(line => line.Contains(".yaml:", StringComparison.Ordinal) && !line.StartsWith("warning:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count >= 8, stderr);
        Assert.Contains(errors, e => e.StartsWith("components.yaml:6: resource 'pubsub' (Component):", StringComparison.Ordinal) && e.Contains("pubsub.nope", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("components.yaml:", StringComparison.Ordinal) && e.Contains("'maxPendingMessages'", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("'colour'", StringComparison.Ordinal));
        Assert.Contains(stderr.Split('\n'), w => w.StartsWith("warning: components.yaml:17: resource 'memory' (Component): metadata 'colour' is not a pubsub.in-memory setting", StringComparison.Ordinal));
        Assert.Contains(stderr.Split('\n'), w => w.StartsWith("warning: subscriptions.yaml:", StringComparison.Ordinal) && w.Contains("'missing'", StringComparison.Ordinal) && w.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("subscriptions.yaml:", StringComparison.Ordinal) && e.Contains("column 12", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("subscriptions.yaml:", StringComparison.Ordinal) && e.Contains("topc", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("subscriptions.yaml:", StringComparison.Ordinal) && e.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.StartsWith("apps.yaml:6: resource 'checkout' (App):", StringComparison.Ordinal) && e.Contains("allowInsecure", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("apps.yaml:", StringComparison.Ordinal) && e.Contains("maxConcurrency", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("apps.yaml:", StringComparison.Ordinal) && e.Contains("ConfigMap", StringComparison.Ordinal));
        Assert.Contains($"{errors.Count} error(s)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OnlyWarnings_PrintsThemWithFileAndLineAndExits0_StrictExits1()
    {
        File.WriteAllText(Path.Combine(_folder, "kafka.yaml"), """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: orders
            spec:
              type: pubsub.kafka
              metadata:
              - name: brokers
                value: localhost:9092
              - name: authType
                value: none
              - name: consumerGrop
                value: billing
              - name: schemaRegistryURL
                value: http://registry:8081
            """);

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(_folder, "validate", "--resources-path", _folder);
        var (strictExitCode, strictStdout, strictStderr) = await GatewayProcess.RunAsync(_folder, "validate", "--resources-path", _folder, "--strict");

        Assert.True(exitCode == 0, stderr);
        Assert.StartsWith("valid: 1 component(s)", stdout, StringComparison.Ordinal);
        var warnings = stderr.Split('\n').Where(line => line.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("warning: kafka.yaml:12: resource 'orders' (Component): metadata 'consumerGrop'", StringComparison.Ordinal) && w.Contains("did you mean 'consumerGroup'?", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("warning: kafka.yaml:14: resource 'orders' (Component): metadata 'schemaRegistryURL' is accepted but has no effect here:", StringComparison.Ordinal));
        Assert.Equal(1, strictExitCode);
        Assert.Equal(string.Empty, strictStdout);
        Assert.Contains("2 warning(s)", strictStderr, StringComparison.Ordinal);
        Assert.Contains("--strict", strictStderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_TheShippedComponentsFolder_IsValid()
    {
        var repository = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repository, "Gateway.sln")))
        {
            repository = Path.GetDirectoryName(repository)!;
        }

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(repository, "validate", "--resources-path", "components");

        Assert.True(exitCode == 0, stderr);
        Assert.StartsWith("valid: 1 component(s), 1 subscription(s), 1 app(s)", stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
