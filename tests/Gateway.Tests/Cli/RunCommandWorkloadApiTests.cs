using System.Net;
using System.Net.Sockets;
using Gateway.Tests.Credentials.WorkloadApi;
using Gateway.Tests.TestSupport;
using static Gateway.Tests.Credentials.WorkloadApi.WorkloadApiMessages;

namespace Gateway.Tests.Cli;

/// <summary><c>gateway run --spiffe-endpoint</c>: the real program taking its identity from a Workload API.</summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class RunCommandWorkloadApiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-run-spire-").FullName;
    private readonly TestPki _pki = new("example.org");

    public void Dispose()
    {
        _pki.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AgentHasNoIdentityYet_GatewayDoesNotListen_SaysWhy_ServesOnceTheAgentIssuesOne()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        File.WriteAllText(Path.Combine(_folder, "components", "pubsub.yaml"), WorkloadApiGateway.Resources);
        // Retries every second at most, so the test does not wait out the default 30 s back-off.
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{"Gateway":{"WorkloadApi":{"MaxRetryInterval":"00:00:01"}}}""");
        using var svid = _pki.Ca.IssueGatewaySvid();
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(svid, _pki.Ca.Certificate));
        agent.Deny(true);
        var port = FreeTcpPort.Next();

        await using var gateway = GatewayProcess.Start(_folder, "--listen", $"https://127.0.0.1:{port}", "--spiffe-endpoint", agent.Endpoint);
        await gateway.WaitForOutputAsync("Not serving yet: waiting for the first X509-SVID from the SPIFFE Workload API");

        Assert.Contains("PermissionDenied", gateway.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway listening on", gateway.StandardOutput, StringComparison.Ordinal);
        using (var probe = new TcpClient())
        {
            var refused = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        agent.Deny(false);
        await gateway.WaitForOutputAsync($"gateway listening on https://127.0.0.1:{port} as spiffe://example.org/ns/default/gateway");
        using var client = TlsClients.Create(new Uri($"https://127.0.0.1:{port}"), _pki.Ca.Certificate, _pki.IssueApp("publisher"));
        using var publish = await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NoContent, publish.StatusCode);
    }

    [Fact]
    public async Task SpiffeEndpointWithSvidFiles_RefusesToStartNamingTheConflict()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "components"));
        var (exit, _, stderr) = await GatewayProcess.RunAsync(
            _folder, "--listen", "https://127.0.0.1:0", "--spiffe-endpoint", "unix:///run/spire/sockets/agent.sock", "--svid-cert", _pki.GatewayCertPath, "--svid-key", _pki.GatewayKeyPath);

        Assert.Equal(1, exit);
        Assert.Contains("cannot also use SVID files (--svid-cert/--svid-key)", stderr, StringComparison.Ordinal);
    }
}
