using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Telemetry;

/// <summary><c>gateway run --metrics-listen</c> on the real program.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class MetricsCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-metrics-").FullName;

    [Fact]
    public async Task Run_WithMetricsListen_PrintsTheMetricsAddressAndServesIt()
    {
        WriteComponents();
        await using var gateway = GatewayProcess.Start(_folder, "run", "--dev", "--listen", "https://127.0.0.1:0", "--metrics-listen", "http://127.0.0.1:0");

        await gateway.WaitForOutputAsync("gateway metrics on ");

        var line = gateway.StandardOutput.Split('\n').First(l => l.StartsWith("gateway metrics on ", StringComparison.Ordinal)).Trim();
        var address = line["gateway metrics on ".Length..];
        Assert.Matches("^http://127\\.0\\.0\\.1:\\d+/metrics$", address);
        Assert.Contains("gateway listening on https://", gateway.StandardOutput, StringComparison.Ordinal);
        using var scraper = new HttpClient();
        var exposition = await scraper.GetStringAsync(new Uri(address));
        Assert.Contains("# TYPE gateway_svid_expiry_seconds gauge", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithHttpsMetricsListen_Exits1NamingTheFlag()
    {
        WriteComponents();

        var (exitCode, stdout, stderr) = await GatewayProcess.RunAsync(_folder, "run", "--dev", "--listen", "https://127.0.0.1:0", "--metrics-listen", "https://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("--metrics-listen", stderr, StringComparison.Ordinal);
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

    private void WriteComponents()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        File.WriteAllText(Path.Combine(_folder, "components", "pubsub.yaml"), TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }));
    }
}
