using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Cli;

/// <summary><c>gateway run</c> as the README runs it: the real program in a fresh folder.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-run-").FullName;

    [Fact]
    public async Task RunDev_CreatesIdentities_ServesHealthAndPublishes()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        File.WriteAllText(Path.Combine(_folder, "components", "pubsub.yaml"), TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }));
        await using var gateway = GatewayProcess.Start(_folder, "--dev", "--listen", "https://127.0.0.1:0");

        await gateway.WaitForOutputAsync("gateway listening on ");

        var address = gateway.StandardOutput.Split('\n').First(line => line.StartsWith("gateway listening on ", StringComparison.Ordinal)).Split(' ')[3];
        Assert.True(File.Exists(Path.Combine(_folder, ".gateway", "dev", "ca.crt")));
        Assert.Contains("as spiffe://public/ns/default/gateway", gateway.StandardOutput, StringComparison.Ordinal);
        using var ca = DevCertificateAuthority.Load(Path.Combine(_folder, ".gateway", "dev"));
        using var anonymous = TlsClients.Create(new Uri(address), ca.Certificate, null);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.GetAsync("/v1.0/healthz")).StatusCode);
        using var publisher = TlsClients.Create(new Uri(address), ca.Certificate, ca.IssueSvid(new SvidRequest("publisher")));
        Assert.Equal(HttpStatusCode.NoContent, (await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_LogsNoLinePerRequest_UnlessAppSettingsAskForIt(bool askForRequestLogs)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        File.WriteAllText(Path.Combine(_folder, "components", "pubsub.yaml"), TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }));
        if (askForRequestLogs)
        {
            File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{"Logging":{"LogLevel":{"Microsoft.AspNetCore":"Information"}}}""");
        }

        await using var gateway = GatewayProcess.Start(_folder, "--dev", "--listen", "https://127.0.0.1:0");
        await gateway.WaitForOutputAsync("gateway listening on ");
        var address = new Uri(gateway.StandardOutput.Split('\n').First(line => line.StartsWith("gateway listening on ", StringComparison.Ordinal)).Split(' ')[3]);
        using var ca = DevCertificateAuthority.Load(Path.Combine(_folder, ".gateway", "dev"));
        using var publisher = TlsClients.Create(address, ca.Certificate, ca.IssueSvid(new SvidRequest("publisher")));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
        }

        // A refused caller is logged after the publishes; the console logger keeps order, so once its line is
        // out, any line the publishes produced is out too.
        using var anonymous = TlsClients.Create(address, ca.Certificate, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
        await gateway.WaitForOutputAsync("Refused caller");

        var requestLines = gateway.StandardOutput.Split('\n').Count(line => line.Contains("Request starting", StringComparison.Ordinal));
        if (askForRequestLogs)
        {
            Assert.True(requestLines >= 4, $"expected a 'Request starting' line per request, saw {requestLines}:\n{gateway.StandardOutput}");
        }
        else
        {
            Assert.Equal(0, requestLines);
        }
    }

    [Fact]
    public async Task Run_WithoutCredentials_Exits1SayingWhatToPass()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        var (exitCode, _, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--listen", "https://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("--svid-cert", stderr, StringComparison.Ordinal);
        Assert.Contains("--dev", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithBrokenResources_Exits1ListingTheProblemsAndStartsNothing()
    {
        using var pki = new TestPki();
        var resources = Path.Combine(_folder, "broken");
        Directory.CreateDirectory(resources);
        File.WriteAllText(Path.Combine(resources, "a.yaml"), "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: pubsub\nspec:\n  type: pubsub.nope\n");

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--listen", "https://127.0.0.1:0",
            "--resources-path", resources, "--svid-cert", pki.GatewayCertPath, "--svid-key", pki.GatewayKeyPath,
            "--trust-bundle", $"{pki.TrustDomain}={pki.CaPath}");

        Assert.Equal(1, exitCode);
        Assert.Contains("a.yaml:6: resource 'pubsub' (Component)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", stdout, StringComparison.Ordinal);
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
