using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.Certificates;
using Gateway.Cli;
using Gateway.Tests.Credentials.WorkloadApi;
using static Gateway.Tests.Credentials.WorkloadApi.WorkloadApiMessages;

namespace Gateway.Tests.Cli;

/// <summary><c>gateway identity inspect --spiffe-endpoint</c>: what an operator sees when checking a SPIRE registration.</summary>
public sealed class IdentityCommandWorkloadApiTests : IDisposable
{
    private readonly DevCertificateAuthority _ca = DevCertificateAuthority.Create("example.org");
    private readonly DevCertificateAuthority _partner = DevCertificateAuthority.Create("partner.test");

    public void Dispose()
    {
        _ca.Dispose();
        _partner.Dispose();
    }

    [Fact]
    public async Task Inspect_PrintsEverySvidWithExpiryAndUse_AndTheTrustDomains()
    {
        using var gateway = _ca.IssueGatewaySvid();
        using var foreign = _partner.IssueSvid("spiffe://partner.test/ns/default/gateway");
        using var jwtKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var agent = await TestWorkloadApiServer.StartAsync(Response(
            [Svid(gateway, [_ca.Certificate], hint: "internal"), Svid(foreign, [_ca.Certificate], hint: "external")],
            new Dictionary<string, X509Certificate2[]> { ["partner.test"] = [_partner.Certificate] }));
        agent.SetJwtBundles(JwtBundles(new Dictionary<string, (string, ECDsa)[]> { ["example.org"] = [("k1", jwtKey)] }));

        var (exit, stdout, _) = Run("identity", "inspect", "--spiffe-endpoint", agent.Endpoint);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(agent.Endpoint, json.GetProperty("endpoint").GetString());
        var svids = json.GetProperty("svids").EnumerateArray().ToArray();
        Assert.Equal(2, svids.Length);
        Assert.Equal("spiffe://example.org/ns/default/gateway", svids[0].GetProperty("spiffeId").GetString());
        Assert.True(svids[0].GetProperty("default").GetBoolean());
        Assert.Equal("internal", svids[0].GetProperty("hint").GetString());
        Assert.Equal(new DateTimeOffset(gateway.NotAfter.ToUniversalTime()), svids[0].GetProperty("notAfter").GetDateTimeOffset());
        Assert.True(svids[0].GetProperty("usableByGateway").GetBoolean());
        Assert.Equal("gateway", svids[0].GetProperty("appIdentity").GetProperty("appId").GetString());
        // The second SVID's bundle is not its own domain's: the gateway would refuse it, and says why.
        Assert.False(svids[1].GetProperty("usableByGateway").GetBoolean());
        Assert.Contains("not valid against its trust bundle", svids[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(["partner.test"], json.GetProperty("federatedTrustDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["example.org"], json.GetProperty("jwtTrustDomains").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Inspect_AgentHasNoIdentityForThisProcess_Exits3SayingSo()
    {
        await using var agent = await TestWorkloadApiServer.StartAsync();
        agent.Deny(true);

        var (exit, stdout, stderr) = Run("identity", "inspect", "--spiffe-endpoint", agent.Endpoint);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("PermissionDenied", stderr, StringComparison.Ordinal);
        Assert.Contains("registration entry", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_NeitherCertNorEndpoint_Exits1()
    {
        var (exit, _, stderr) = Run("identity", "inspect");

        Assert.Equal(1, exit);
        Assert.Contains("exactly one of --cert FILE and --spiffe-endpoint", stderr, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new RootCommand("test") { IdentityCommand.Create() }
            .Parse(args)
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
