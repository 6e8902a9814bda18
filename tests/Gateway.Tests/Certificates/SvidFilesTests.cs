using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Identity;

namespace Gateway.Tests.Certificates;

public sealed class SvidFilesTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("svid-").FullName;
    private readonly DevCertificateAuthority ca = DevCertificateAuthority.Create("example.org");

    public void Dispose()
    {
        ca.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void RoundTrip_IssueWriteLoadValidate_GivesTheAppIdentity()
    {
        using var issued = ca.IssueSvid(new SvidRequest("checkout", "shop"));
        var (certPath, keyPath) = Paths("checkout");
        ca.Save(directory);

        SvidFiles.Write(issued, ca.Certificate, certPath, keyPath);
        using var loaded = SvidFiles.Load(certPath, keyPath);
        var bundles = TrustBundleSet.Load([("example.org", Path.Combine(directory, "ca.crt"))]);
        var result = X509SvidValidator.Validate(loaded, SvidFiles.LoadChain(certPath), bundles, DateTimeOffset.UtcNow);

        Assert.True(loaded.HasPrivateKey);
        Assert.True(result.IsValid, result.Message);
        Assert.True(IdShapes.DaprOnly.TryMap(result.SpiffeId, out var identity, out var reason), reason);
        Assert.Equal(
            new AppIdentity(SpiffeId.Parse("spiffe://example.org/ns/shop/checkout"), "example.org", "shop", "checkout"),
            identity);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Write_CertificateFileHoldsLeafThenCa_KeyFileHoldsPkcs8KeyOwnerOnly()
    {
        using var issued = ca.IssueSvid(new SvidRequest("checkout"));
        var (certPath, keyPath) = Paths("checkout");

        SvidFiles.Write(issued, ca.Certificate, certPath, keyPath);

        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(certPath);
        Assert.Equal([issued.Thumbprint, ca.Certificate.Thumbprint], certificates.Select(cert => cert.Thumbprint));
        var keyText = File.ReadAllText(keyPath);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", keyText, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        Assert.Equal([Path.GetFileName(certPath), Path.GetFileName(keyPath)], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Write_ExistingFiles_AreReplaced()
    {
        using var first = ca.IssueSvid(new SvidRequest("checkout"));
        using var second = ca.IssueSvid(new SvidRequest("checkout"));
        var (certPath, keyPath) = Paths("checkout");

        SvidFiles.Write(first, ca.Certificate, certPath, keyPath);
        SvidFiles.Write(second, ca.Certificate, certPath, keyPath);
        using var loaded = SvidFiles.Load(certPath, keyPath);

        Assert.Equal(second.Thumbprint, loaded.Thumbprint);
    }

    [Fact]
    public void LoadChain_ReturnsTheCertificatesAfterTheLeaf()
    {
        using var issued = ca.IssueSvid(new SvidRequest("checkout"));
        var (certPath, keyPath) = Paths("checkout");
        SvidFiles.Write(issued, ca.Certificate, certPath, keyPath);

        Assert.Equal(ca.Certificate.Thumbprint, Assert.Single(SvidFiles.LoadChain(certPath)).Thumbprint);
    }

    [Fact]
    public void Load_KeyOfAnotherCertificate_NamesBothFiles()
    {
        using var one = ca.IssueSvid(new SvidRequest("one"));
        using var two = ca.IssueSvid(new SvidRequest("two"));
        var (oneCert, _) = Paths("one");
        var (_, twoKey) = Paths("two");
        SvidFiles.Write(one, ca.Certificate, oneCert, Paths("one").Key);
        SvidFiles.Write(two, ca.Certificate, Paths("two").Cert, twoKey);

        var ex = Assert.Throws<InvalidDataException>(() => SvidFiles.Load(oneCert, twoKey));

        Assert.Contains(oneCert, ex.Message, StringComparison.Ordinal);
        Assert.Contains(twoKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingCertificate_NamesTheFile()
    {
        var (certPath, keyPath) = Paths("absent");

        var ex = Assert.Throws<FileNotFoundException>(() => SvidFiles.Load(certPath, keyPath));

        Assert.Contains(certPath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GatewaySvid_FromFiles_PassesAsAServer()
    {
        using var issued = ca.IssueGatewaySvid();
        var (certPath, keyPath) = Paths("gateway");
        SvidFiles.Write(issued, ca.Certificate, certPath, keyPath);
        using var loaded = SvidFiles.Load(certPath, keyPath);

        var result = X509SvidValidator.Validate(
            loaded, [], TrustBundleSet.FromCertificates("example.org", ca.Certificate), DateTimeOffset.UtcNow, SvidPeerRole.Server);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("spiffe://example.org/ns/default/gateway", result.SpiffeId.ToString());
    }

    private (string Cert, string Key) Paths(string name) =>
        (Path.Combine(directory, name + ".crt"), Path.Combine(directory, name + ".key"));
}
