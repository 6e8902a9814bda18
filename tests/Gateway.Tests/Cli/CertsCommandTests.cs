using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Cli;
using Gateway.Identity;

namespace Gateway.Tests.Cli;

public sealed class CertsCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("certs-cli-").FullName;

    private string CaDirectory => Path.Combine(directory, "ca");

    private string OutDirectory => Path.Combine(directory, "out");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Init_WritesCaCertificateAndKeyAndSaysSo()
    {
        var (exit, stdout, stderr) = Run("certs", "init", "--out", CaDirectory, "--trust-domain", "example.org");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains(Path.Combine(CaDirectory, "ca.crt"), stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(CaDirectory, "ca.key"), stdout, StringComparison.Ordinal);
        using var loaded = DevCertificateAuthority.Load(CaDirectory);
        Assert.Equal("example.org", loaded.TrustDomain);
    }

    [Fact]
    public void Init_ExistingCa_IsNotOverwritten()
    {
        Run("certs", "init", "--out", CaDirectory, "--trust-domain", "example.org");
        var before = File.ReadAllText(Path.Combine(CaDirectory, "ca.crt"));

        var (exit, _, stderr) = Run("certs", "init", "--out", CaDirectory, "--trust-domain", "other.org");

        Assert.Equal(1, exit);
        Assert.StartsWith("--out:", stderr, StringComparison.Ordinal);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(CaDirectory, "ca.crt")));
    }

    [Fact]
    public void Init_ExistingCaWithForce_IsReplaced()
    {
        Run("certs", "init", "--out", CaDirectory, "--trust-domain", "example.org");

        var (exit, _, _) = Run("certs", "init", "--out", CaDirectory, "--trust-domain", "other.org", "--force");

        Assert.Equal(0, exit);
        using var loaded = DevCertificateAuthority.Load(CaDirectory);
        Assert.Equal("other.org", loaded.TrustDomain);
    }

    [Theory]
    [InlineData("Example.org")]
    [InlineData("example.org:443")]
    [InlineData("example.org/x")]
    public void Init_InvalidTrustDomain_FailsNamingTheFlag(string trustDomain)
    {
        var (exit, _, stderr) = Run("certs", "init", "--out", CaDirectory, "--trust-domain", trustDomain);

        Assert.Equal(1, exit);
        Assert.StartsWith("--trust-domain:", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(CaDirectory));
    }

    [Fact]
    public void Init_MissingTrustDomain_FailsNamingTheFlag()
    {
        var (exit, _, stderr) = Run("certs", "init", "--out", CaDirectory);

        Assert.Equal(1, exit);
        Assert.Contains("--trust-domain", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_WritesAnSvidThatTheCaBundleAccepts()
    {
        Run("certs", "init", "--out", CaDirectory, "--trust-domain", "example.org");

        var (exit, stdout, stderr) = Run(
            "certs", "issue", "--ca", CaDirectory, "--app-id", "orders", "--namespace", "shop",
            "--dns", "orders.local", "--dns", "localhost", "--ip", "127.0.0.1", "--ip", "::1", "--ttl", "30m", "--out", OutDirectory);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var certPath = Path.Combine(OutDirectory, "orders.crt");
        var keyPath = Path.Combine(OutDirectory, "orders.key");
        Assert.Contains(certPath, stdout, StringComparison.Ordinal);
        Assert.Contains(keyPath, stdout, StringComparison.Ordinal);
        Assert.Contains("spiffe://example.org/ns/shop/orders", stdout, StringComparison.Ordinal);

        using var svid = SvidFiles.Load(certPath, keyPath);
        var bundles = TrustBundleSet.Load([("example.org", Path.Combine(CaDirectory, "ca.crt"))]);
        var result = X509SvidValidator.Validate(svid, SvidFiles.LoadChain(certPath), bundles, DateTimeOffset.UtcNow);
        Assert.True(result.IsValid, result.Message);
        Assert.True(IdShapes.DaprOnly.TryMap(result.SpiffeId, out var identity, out _));
        Assert.Equal(("shop", "orders"), (identity.Namespace, identity.AppId));
        var san = svid.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["orders.local", "localhost"], san.EnumerateDnsNames());
        Assert.Equal(2, san.EnumerateIPAddresses().Count());
        Assert.Equal(TimeSpan.FromMinutes(31), svid.NotAfter - svid.NotBefore);
    }

    [Fact]
    public void Issue_DefaultNamespaceAndTtl_AreDefaultAnd24Hours()
    {
        Run("certs", "init", "--out", CaDirectory, "--trust-domain", "public");

        var (exit, _, _) = Run("certs", "issue", "--ca", CaDirectory, "--app-id", "checkout", "--out", OutDirectory);

        Assert.Equal(0, exit);
        using var svid = SvidFiles.Load(Path.Combine(OutDirectory, "checkout.crt"), Path.Combine(OutDirectory, "checkout.key"));
        Assert.Equal(["spiffe://public/ns/default/checkout"], UriSanReader.TryRead(svid, out _));
        Assert.Equal(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1), svid.NotAfter - svid.NotBefore);
    }

    [Theory]
    [InlineData("--ttl", "5x", "--ttl:")]
    [InlineData("--ttl", "0h", "--ttl:")]
    [InlineData("--ip", "300.1.1.1", "--ip:")]
    [InlineData("--dns", "bad name", "--dns:")]
    [InlineData("--app-id", "a/b", "--app-id:")]
    [InlineData("--app-id", "app$", "--app-id:")]
    [InlineData("--namespace", "..", "--namespace:")]
    public void Issue_BadFlagValue_FailsNamingTheFlag(string flag, string value, string expectedPrefix)
    {
        Run("certs", "init", "--out", CaDirectory, "--trust-domain", "example.org");
        var args = new List<string> { "certs", "issue", "--ca", CaDirectory, "--out", OutDirectory, flag, value };
        if (flag != "--app-id")
        {
            args.AddRange(["--app-id", "orders"]);
        }

        var (exit, stdout, stderr) = Run([.. args]);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith(expectedPrefix, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(OutDirectory));
    }

    [Fact]
    public void Issue_MissingCa_FailsNamingTheFlagAndTheFile()
    {
        var (exit, _, stderr) = Run("certs", "issue", "--ca", CaDirectory, "--app-id", "orders", "--out", OutDirectory);

        Assert.Equal(1, exit);
        Assert.StartsWith("--ca:", stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(CaDirectory, "ca.crt"), stderr, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new RootCommand("test") { CertsCommand.Create() }
            .Parse(args)
            .Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
