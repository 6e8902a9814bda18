using System.Security.Cryptography.X509Certificates;
using Gateway.Identity;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Identity;

public sealed class TrustBundleSetTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("bundles-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Load_PemFilePerTrustDomain_KeepsDomainsApart()
    {
        var exampleRoot = TestCertificates.Root("example.org");
        var otherRoot = TestCertificates.Root("other.org");
        var examplePath = Write("example.pem", exampleRoot.ExportCertificatePem());
        var otherPath = Write("other.pem", otherRoot.ExportCertificatePem());

        var set = TrustBundleSet.Load([("example.org", examplePath), ("other.org", otherPath)]);

        Assert.Equal(["example.org", "other.org"], set.TrustDomains);
        Assert.True(set.TryGetAnchors("example.org", out var anchors));
        Assert.Equal(exampleRoot.Thumbprint, Assert.Single(anchors).Thumbprint);
        Assert.False(set.TryGetAnchors("Example.org", out _));
    }

    [Fact]
    public void Load_SeveralCertificatesAndOtherBlocks_ReadsCertificatesOnlyWithoutDuplicates()
    {
        var first = TestCertificates.Root("example.org");
        var second = TestCertificates.Root("example.org");
        var pem = string.Join('\n',
            first.ExportCertificatePem(),
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            second.ExportCertificatePem(),
            first.ExportCertificatePem());

        var set = TrustBundleSet.Load([("example.org", Write("bundle.pem", pem))]);

        set.TryGetAnchors("example.org", out var anchors);
        Assert.Equal([first.Thumbprint, second.Thumbprint], anchors.Select(cert => cert.Thumbprint));
    }

    [Fact]
    public void Load_EmptyFile_GivesADomainThatTrustsNothing()
    {
        var set = TrustBundleSet.Load([("example.org", Write("empty.pem", string.Empty))]);

        Assert.True(set.TryGetAnchors("example.org", out var anchors));
        Assert.Empty(anchors);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(directory, "absent.pem");

        var ex = Assert.Throws<FileNotFoundException>(() => TrustBundleSet.Load([("example.org", path)]));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithoutPemBlocks_NamesTheFile()
    {
        var path = Write("not-pem.pem", "this is not a certificate");

        var ex = Assert.Throws<InvalidDataException>(() => TrustBundleSet.Load([("example.org", path)]));

        Assert.Equal($"Trust bundle file '{path}' contains no PEM blocks.", ex.Message);
    }

    [Fact]
    public void Load_CorruptedCertificate_NamesTheFileAndTheBlock()
    {
        var good = TestCertificates.Root("example.org").ExportCertificatePem();
        var path = Write("corrupted.pem", good + "\n-----BEGIN CERTIFICATE-----\nAAECAwQF\n-----END CERTIFICATE-----\n");

        var ex = Assert.Throws<InvalidDataException>(() => TrustBundleSet.Load([("example.org", path)]));

        Assert.StartsWith($"Trust bundle file '{path}': certificate #2 cannot be parsed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameTrustDomainTwice_IsRejected()
    {
        var path = Write("a.pem", TestCertificates.Root("example.org").ExportCertificatePem());

        var ex = Assert.Throws<ArgumentException>(() => TrustBundleSet.Load([("example.org", path), ("example.org", path)]));

        Assert.Contains("'example.org' has more than one bundle", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Example.org")]
    [InlineData("spiffe://example.org")]
    [InlineData("example.org/x")]
    [InlineData("")]
    public void Load_InvalidTrustDomainName_IsRejectedNamingTheFile(string trustDomain)
    {
        var path = Write("a.pem", TestCertificates.Root("example.org").ExportCertificatePem());

        var ex = Assert.Throws<ArgumentException>(() => TrustBundleSet.Load([(trustDomain, path)]));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetAnchors_ReturnsACopy()
    {
        var root = TestCertificates.Root("example.org");
        var set = TrustBundleSet.FromCertificates("example.org", root);

        set.TryGetAnchors("example.org", out var anchors);
        anchors.Add(TestCertificates.Root("evil.org"));

        set.TryGetAnchors("example.org", out var again);
        Assert.Single(again);
    }

    [Fact]
    public void Empty_KnowsNoTrustDomain()
    {
        Assert.Empty(TrustBundleSet.Empty.TrustDomains);
        Assert.False(TrustBundleSet.Empty.TryGetAnchors("example.org", out X509Certificate2Collection _));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Load_SpiffeBundleJson_GivesAnchorsAndJwtKeys()
    {
        var root = TestCertificates.Root("example.org");
        var json = $$"""{"keys":[{"use":"x509-svid","kty":"EC","x5c":["{{Convert.ToBase64String(root.RawData)}}"]},{"use":"jwt-svid","kty":"OKP","kid":"ed","crv":"Ed25519","x":"AA"}]}""";
        var notes = new List<string>();

        var set = TrustBundleSet.Load([("example.org", Write("bundle.json", json)), ("pem.org", Write("pem.pem", root.ExportCertificatePem()))], notes);

        Assert.True(set.TryGetAnchors("example.org", out var anchors));
        Assert.Equal(root.Thumbprint, Assert.Single(anchors).Thumbprint);
        Assert.True(set.TryGetJwtKeys("example.org", out var keys));
        Assert.Empty(keys);
        Assert.Contains(notes, note => note.Contains("Ed25519", StringComparison.Ordinal) || note.Contains("OKP", StringComparison.Ordinal));
        Assert.False(set.TryGetJwtKeys("pem.org", out _));
    }

    [Fact]
    public void Load_SpiffeBundleWithNoKeys_DomainTrustsNothing()
    {
        var set = TrustBundleSet.Load([("example.org", Write("empty.json", """{"keys":[]}"""))]);

        Assert.True(set.TryGetAnchors("example.org", out var anchors));
        Assert.Empty(anchors);
        Assert.True(set.TryGetJwtKeys("example.org", out var keys));
        Assert.Empty(keys);
    }
}
