using System.CommandLine;
using System.Text.Json;
using Gateway.Certificates;
using Gateway.Cli;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Cli;

public sealed class IdentityCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("identity-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Parse_ValidId_PrintsOneJsonLineAndExits0()
    {
        var (exit, stdout, _) = Run("identity", "parse", "spiffe://example.org/ns/default/orders");

        Assert.Equal(0, exit);
        Assert.Equal(
            """{"valid":true,"trustDomain":"example.org","path":"/ns/default/orders","error":null}""" + Environment.NewLine,
            stdout);
    }

    [Theory]
    [InlineData("SPIFFE://example.org/x", "scheme is missing or invalid")]
    [InlineData("spiffe://example.org/x/", "path cannot have a trailing slash")]
    [InlineData("spiffe://example.org/<x>", "path segment characters are limited to letters, numbers, dots, dashes, and underscores")]
    public void Parse_InvalidId_PrintsTheErrorAndExits3(string id, string error)
    {
        var (exit, stdout, _) = Run("identity", "parse", id);

        Assert.Equal(3, exit);
        Assert.Equal(
            $$"""{"valid":false,"trustDomain":null,"path":null,"error":"{{error}}"}""" + Environment.NewLine,
            stdout);
    }

    [Fact]
    public void Inspect_SvidWithItsBundle_IsAcceptedWithAppIdentity()
    {
        var (certPath, bundlePath) = IssueWithCa("example.org", "spiffe://example.org/ns/shop/orders");

        var (exit, stdout, _) = Run("identity", "inspect", "--cert", certPath, "--trust-bundle", $"example.org={bundlePath}");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("spiffe://example.org/ns/shop/orders", json.GetProperty("spiffeId").GetString());
        Assert.True(json.GetProperty("accepted").GetBoolean());
        Assert.True(json.GetProperty("chainChecked").GetBoolean());
        var identity = json.GetProperty("appIdentity");
        Assert.Equal("example.org", identity.GetProperty("trustDomain").GetString());
        Assert.Equal("shop", identity.GetProperty("namespace").GetString());
        Assert.Equal("orders", identity.GetProperty("appId").GetString());
        Assert.True(json.GetProperty("notBefore").GetDateTimeOffset() < json.GetProperty("notAfter").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
    }

    [Fact]
    public void Inspect_WithoutBundles_ShowsIdentityButDoesNotJudgeTheChain()
    {
        var (certPath, _) = IssueWithCa("example.org", "spiffe://example.org/ns/default/orders");

        var (exit, stdout, _) = Run("identity", "inspect", "--cert", certPath);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("accepted").ValueKind);
        Assert.False(json.GetProperty("chainChecked").GetBoolean());
        Assert.Equal("orders", json.GetProperty("appIdentity").GetProperty("appId").GetString());
    }

    [Fact]
    public void Inspect_BundleOfAnotherCa_IsRefusedWithTheChainReason()
    {
        var (certPath, _) = IssueWithCa("example.org", "spiffe://example.org/ns/default/orders");
        var (_, otherBundle) = IssueWithCa("example.org", "spiffe://example.org/ns/default/other");

        var (exit, stdout, _) = Run("identity", "inspect", "--cert", certPath, "--trust-bundle", $"example.org={otherBundle}");

        Assert.Equal(3, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.False(json.GetProperty("accepted").GetBoolean());
        Assert.Equal("ChainInvalid", json.GetProperty("reason").GetString());
    }

    [Fact]
    public void Inspect_KubernetesIdWithKubernetesShape_MapsTheServiceAccount()
    {
        var (certPath, bundlePath) = IssueWithCa("cluster.local", "spiffe://cluster.local/ns/web/sa/frontend");

        var (exit, stdout, _) = Run(
            "identity", "inspect", "--cert", certPath, "--trust-bundle", $"cluster.local={bundlePath}", "--id-shape", "cluster.local=k8s-sa");

        Assert.Equal(0, exit);
        Assert.Equal("frontend", JsonDocument.Parse(stdout).RootElement.GetProperty("appIdentity").GetProperty("appId").GetString());
    }

    [Fact]
    public void Inspect_KubernetesIdWithDefaultShape_IsRefusedAsShapeMismatch()
    {
        var (certPath, bundlePath) = IssueWithCa("cluster.local", "spiffe://cluster.local/ns/web/sa/frontend");

        var (exit, stdout, _) = Run("identity", "inspect", "--cert", certPath, "--trust-bundle", $"cluster.local={bundlePath}");

        Assert.Equal(3, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("IdShapeMismatch", json.GetProperty("reason").GetString());
        Assert.Contains("found 4", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ExpiredLeafWithoutBundles_IsRefusedAsExpired()
    {
        var root = TestCertificates.Root("example.org");
        var expired = TestCertificates.Leaf(
            root, notBefore: DateTimeOffset.UtcNow.AddDays(-2), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var certPath = Path.Combine(directory, "expired.crt");
        File.WriteAllText(certPath, expired.ExportCertificatePem());

        var (exit, stdout, _) = Run("identity", "inspect", "--cert", certPath);

        Assert.Equal(3, exit);
        Assert.Equal("Expired", JsonDocument.Parse(stdout).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void Inspect_TwoUriSansWithoutBundles_IsRefused()
    {
        var certPath = Path.Combine(directory, "two.crt");
        File.WriteAllText(certPath, TestCertificates.TwoUriSans(TestCertificates.Root("example.org")).ExportCertificatePem());

        var (exit, stdout, _) = Run("identity", "inspect", "--cert", certPath);

        Assert.Equal(3, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("MultipleUriSans", json.GetProperty("reason").GetString());
        Assert.Equal(2, json.GetProperty("uriSans").GetArrayLength());
    }

    [Fact]
    public void Inspect_MissingCertificateFile_Exits1NamingTheFile()
    {
        var missing = Path.Combine(directory, "missing.crt");

        var (exit, stdout, stderr) = Run("identity", "inspect", "--cert", missing);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("--cert:", stderr, StringComparison.Ordinal);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("=bundle.pem")]
    [InlineData("example.org=")]
    public void Inspect_MalformedTrustBundleFlag_Exits1NamingTheFlag(string value)
    {
        var (certPath, _) = IssueWithCa("example.org", "spiffe://example.org/ns/default/orders");

        var (exit, _, stderr) = Run("identity", "inspect", "--cert", certPath, "--trust-bundle", value);

        Assert.Equal(1, exit);
        Assert.StartsWith("--trust-bundle:", stderr, StringComparison.Ordinal);
    }

    private (string CertPath, string BundlePath) IssueWithCa(string trustDomain, string spiffeId)
    {
        using var ca = DevCertificateAuthority.Create(trustDomain);
        var caDirectory = Directory.CreateDirectory(Path.Combine(directory, "ca-" + Guid.NewGuid().ToString("N"))).FullName;
        ca.Save(caDirectory);
        using var svid = ca.IssueSvid(spiffeId);
        var certPath = Path.Combine(caDirectory, "svid.crt");
        SvidFiles.Write(svid, ca.Certificate, certPath, Path.Combine(caDirectory, "svid.key"));
        return (certPath, Path.Combine(caDirectory, "ca.crt"));
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
