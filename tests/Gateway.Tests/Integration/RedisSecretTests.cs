using System.Diagnostics;
using System.Net;
using System.Text;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>
/// A Redis pubsub whose ACL user's password comes from a secret store, as Dapr users keep it out of YAML:
/// from a <c>secretstores.local.file</c> JSON file (the Kubernetes way: a Secret mounted as a file) and from
/// <c>secretstores.local.env</c>. The real redis-server refuses the default user, so a delivery proves the
/// gateway logged in with the secret; the secret then appears in no log line, no API answer and no output of
/// <c>gateway validate</c>. A changed secret file is picked up by live reload.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RedisSecretTests : IDisposable
{
    private const string User = "gateway-user";
    private readonly string _password = $"s3cr3t-{Guid.NewGuid():N}";
    private readonly string _secrets = Directory.CreateTempSubdirectory("gateway-secrets-").FullName;

    [Fact]
    public async Task PasswordFromLocalFile_LogsInWithAcl_AndTheSecretIsNowhereToBeSeen()
    {
        await using var redis = await StartRedisWithAclUserAsync();
        var secretsFile = WriteSecretsFile(_password);
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        var resources = Resources(redis, app, "local-secrets", key: "password", store: TestAssets.Yaml("components/secretstore-local-file.yaml", new { name = "local-secrets", secretsFile }));
        await using var gateway = await GatewayTestHost.StartAsync(pki, resources);

        await PublishAndReceiveAsync(gateway, app);

        using var client = gateway.ClientFor("orders");
        var metadata = await client.GetStringAsync("/v1.0/metadata");
        Assert.Contains("\"pubsub.redis\"", metadata, StringComparison.Ordinal);
        AssertNoSecret(gateway, metadata);
        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(gateway.ResourcesDirectory, "validate", "--resources-path", gateway.ResourcesDirectory);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(_password, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordFromLocalEnv_LogsInWithAcl()
    {
        await using var redis = await StartRedisWithAclUserAsync();
        var prefix = $"GATEWAY_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "REDIS_PASSWORD", _password);
        try
        {
            using var pki = new TestPki();
            await using var app = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
            var resources = Resources(redis, app, "env", secret: "REDIS_PASSWORD", key: "REDIS_PASSWORD", store: TestAssets.Yaml("components/secretstore-local-env.yaml", new { name = "env", prefix }));
            await using var gateway = await GatewayTestHost.StartAsync(pki, resources);

            await PublishAndReceiveAsync(gateway, app);
            AssertNoSecret(gateway, await gateway.ClientFor("orders").GetStringAsync("/v1.0/metadata"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "REDIS_PASSWORD", null);
        }
    }

    [Fact]
    public async Task ChangedSecretFile_IsPickedUpByLiveReload()
    {
        await using var redis = await StartRedisWithAclUserAsync();
        var secretsFile = WriteSecretsFile("not-the-password");
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        var resources = Resources(redis, app, "local-secrets", key: "password", store: TestAssets.Yaml("components/secretstore-local-file.yaml", new { name = "local-secrets", secretsFile }));
        await using var gateway = await GatewayTestHost.StartAsync(pki, resources, options => options.ResourcesPollInterval = TimeSpan.FromMilliseconds(200));
        using var client = gateway.ClientFor("orders");
        using (var refused = await PublishAsync(client, "before"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        }

        // A Kubernetes Secret volume swaps the file in one move; so does this.
        WriteSecretsFile(_password);

        await Eventually.TrueAsync(async () => (await PublishAsync(client, "after")).StatusCode == HttpStatusCode.NoContent, "publishing to succeed with the rotated password", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/orders" && d.BodyText.Contains("after", StringComparison.Ordinal)), "the subscription to deliver with the rotated password", TimeSpan.FromSeconds(60));
        Assert.Contains(gateway.Logs.Events, log => log.EventId == 1205);
        AssertNoSecret(gateway, "");
    }

    public void Dispose() => Directory.Delete(_secrets, recursive: true);

    private string Resources(RedisServer redis, TestSubscriber app, string secretStore, string key, string store, string secret = "redis") => TestAssets.Join(
        TestAssets.Yaml("components/redis-acl-secret.yaml", new { name = "pubsub", redisHost = redis.Address, user = User, secretStore, secret, key }),
        store,
        TestAssets.Yaml("apps/app.yaml", new { name = "orders", baseUrl = app.BaseAddress }),
        TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/orders" }));

    private string WriteSecretsFile(string password)
    {
        var path = Path.Combine(_secrets, "secrets.json");
        var temporary = Path.Combine(_secrets, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, $$$"""{"redis":{"user":"{{{User}}}","password":"{{{password}}}"}}""");
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>A redis-server whose only usable login is the ACL user with <see cref="_password"/>: the default user is off.</summary>
    private async Task<RedisServer> StartRedisWithAclUserAsync()
    {
        var redis = await RedisServer.StartAsync(appendOnly: false);
        Assert.Equal("OK", await RedisCliAsync(redis.Port, "ACL", "SETUSER", User, "on", $">{_password}", "~*", "&*", "+@all"));
        Assert.Equal("OK", await RedisCliAsync(redis.Port, "ACL", "SETUSER", "default", "off"));
        return redis;
    }

    private static async Task PublishAndReceiveAsync(GatewayTestHost gateway, TestSubscriber app)
    {
        using var client = gateway.ClientFor("orders");
        var marker = Guid.NewGuid().ToString("N");
        using var response = await PublishAsync(client, marker);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/orders" && d.BodyText.Contains(marker, StringComparison.Ordinal)), "the message at the app");
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, string marker) =>
        client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent($$"""{"m":"{{marker}}"}""", Encoding.UTF8, "application/json"));

    private void AssertNoSecret(GatewayTestHost gateway, string answer)
    {
        Assert.DoesNotContain(_password, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Events, log =>
            log.Message.Contains(_password, StringComparison.Ordinal)
            || log.ExceptionText?.Contains(_password, StringComparison.Ordinal) == true
            || log.Properties.Values.Any(value => value?.Contains(_password, StringComparison.Ordinal) == true));
    }

    private static async Task<string> RedisCliAsync(int port, params string[] command)
    {
        var start = new ProcessStartInfo("redis-cli", ["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Trim();
    }
}
