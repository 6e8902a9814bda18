using System.Globalization;
using System.Net;
using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Hosting;

/// <summary><c>gateway run --log-format json</c>: the real program's standard output, read line by line as JSON.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class JsonLogFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-json-logs-").FullName;
    private readonly TestPki _pki = new();

    [Fact]
    public async Task RunWithJsonLogs_EveryStdoutLineIsAJsonObject_WithTheEventsStructuredState()
    {
        var resources = Path.Combine(_folder, "components");
        Directory.CreateDirectory(resources);
        File.WriteAllText(Path.Combine(resources, "pubsub.yaml"),
            TestAssets.Yaml("components/in-memory-publishing-scopes.yaml", new { name = "pubsub", publishingScopes = "publisher=allowed" }));
        await using var gateway = GatewayProcess.Start(_folder, "run", "--log-format", "json", "--listen", "https://127.0.0.1:0",
            "--resources-path", resources, "--svid-cert", _pki.GatewayCertPath, "--svid-key", _pki.GatewayKeyPath,
            "--trust-bundle", $"{_pki.TrustDomain}={_pki.CaPath}");
        await gateway.WaitForOutputAsync("gateway listening on ");
        var listening = Lines(gateway).First(line => line.GetProperty("EventId").GetInt32() == 1301);
        var address = new Uri(listening.GetProperty("State").GetProperty("Address").GetString()!);
        using var publisher = TlsClients.Create(address, _pki.Ca.Certificate, _pki.IssueApp("publisher"));

        using var response = await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Eventually.TrueAsync(() => Lines(gateway).Any(line => line.GetProperty("EventId").GetInt32() == 1001), "the scope denial logged");
        var lines = Lines(gateway);
        Assert.All(lines, line =>
        {
            var timestamp = line.GetProperty("Timestamp").GetString()!;
            Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.ParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).Offset);
            Assert.False(string.IsNullOrEmpty(line.GetProperty("LogLevel").GetString()));
            Assert.False(string.IsNullOrEmpty(line.GetProperty("Category").GetString()));
            Assert.False(string.IsNullOrEmpty(line.GetProperty("Message").GetString()));
        });
        var denied = lines.Single(line => line.GetProperty("EventId").GetInt32() == 1001);
        Assert.Equal("Warning", denied.GetProperty("LogLevel").GetString());
        Assert.Equal("Gateway.Pubsub.ScopeGuard", denied.GetProperty("Category").GetString());
        Assert.Equal("publisher", denied.GetProperty("State").GetProperty("AppId").GetString());
        Assert.Equal("spiffe://public/ns/default/publisher", denied.GetProperty("State").GetProperty("SpiffeId").GetString());
        Assert.Equal("orders", denied.GetProperty("State").GetProperty("Topic").GetString());
        Assert.Contains("Denied publish of topic 'orders'", denied.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithUnknownLogFormat_Exits1NamingTheChoices()
    {
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--log-format", "xml", "--dev");

        Assert.Equal(1, exitCode);
        Assert.Contains("log format 'xml'", stderr, StringComparison.Ordinal);
        Assert.Contains("text or json", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _pki.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Every line of standard output, each parsed as one JSON object (a line that is not fails the test).</summary>
    private static List<JsonElement> Lines(GatewayProcess gateway) =>
        [.. gateway.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(root => root.ValueKind == JsonValueKind.Object ? root : throw new Xunit.Sdk.XunitException($"not a JSON object: {root}"))];
}
