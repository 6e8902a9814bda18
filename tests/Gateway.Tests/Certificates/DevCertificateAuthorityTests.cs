using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Identity;

namespace Gateway.Tests.Certificates;

public sealed class DevCertificateAuthorityTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("devca-").FullName;
    private readonly DevCertificateAuthority ca = DevCertificateAuthority.Create("example.org", new FixedTime(Now));

    public void Dispose()
    {
        ca.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Create_GivesSelfSignedCaForTheTrustDomain()
    {
        var certificate = ca.Certificate;

        Assert.Equal("example.org", ca.TrustDomain);
        Assert.Equal(certificate.SubjectName.RawData, certificate.IssuerName.RawData);
        Assert.Equal(["spiffe://example.org"], UriSans(certificate));
        var basicConstraints = Extension<X509BasicConstraintsExtension>(certificate);
        Assert.True(basicConstraints.CertificateAuthority);
        Assert.True(basicConstraints.Critical);
        var keyUsage = Extension<X509KeyUsageExtension>(certificate);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);
        Assert.Equal(Now.AddMinutes(-1), new DateTimeOffset(certificate.NotBefore.ToUniversalTime()));
        Assert.Equal(Now.AddMinutes(-1).AddDays(3650), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        Assert.False(certificate.HasPrivateKey);
    }

    [Fact]
    public void IssueSvid_FollowsTheX509SvidProfile()
    {
        using var svid = ca.IssueSvid(new SvidRequest("orders", "shop"));

        Assert.True(svid.HasPrivateKey);
        using var key = svid.GetECDsaPublicKey();
        Assert.Equal(256, key?.KeySize);
        Assert.Equal(["spiffe://example.org/ns/shop/orders"], UriSans(svid));
        Assert.Equal("CN=orders", svid.Subject);
        Assert.Equal(ca.Certificate.SubjectName.RawData, svid.IssuerName.RawData);
        var basicConstraints = Extension<X509BasicConstraintsExtension>(svid);
        Assert.False(basicConstraints.CertificateAuthority);
        Assert.True(basicConstraints.Critical);
        var keyUsage = Extension<X509KeyUsageExtension>(svid);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, keyUsage.KeyUsages);
        Assert.True(keyUsage.Critical);
        Assert.Equal(
            ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"],
            Extension<X509EnhancedKeyUsageExtension>(svid).EnhancedKeyUsages.Cast<Oid>().Select(oid => oid.Value));
        Assert.Equal(
            Extension<X509SubjectKeyIdentifierExtension>(ca.Certificate).SubjectKeyIdentifierBytes.ToArray(),
            Extension<X509AuthorityKeyIdentifierExtension>(svid).KeyIdentifier?.ToArray());
        Assert.NotNull(Extension<X509SubjectKeyIdentifierExtension>(svid));
    }

    [Fact]
    public void IssueSvid_DefaultTtl_Is24HoursWithOneMinuteBackdating()
    {
        using var svid = ca.IssueSvid(new SvidRequest("orders"));

        Assert.Equal(Now.AddMinutes(-1), new DateTimeOffset(svid.NotBefore.ToUniversalTime()));
        Assert.Equal(Now.AddHours(24), new DateTimeOffset(svid.NotAfter.ToUniversalTime()));
    }

    [Fact]
    public void IssueSvid_TtlBeyondTheCa_EndsWithTheCa()
    {
        using var svid = ca.IssueSvid(new SvidRequest("orders", Ttl: TimeSpan.FromDays(36500)));

        Assert.Equal(ca.Certificate.NotAfter, svid.NotAfter);
    }

    [Fact]
    public void IssueSvid_SerialNumbersDiffer()
    {
        using var first = ca.IssueSvid(new SvidRequest("orders"));
        using var second = ca.IssueSvid(new SvidRequest("orders"));

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
    }

    [Fact]
    public void IssueSvid_DnsAndIpSans_AreAddedBesideTheOneUri()
    {
        using var svid = ca.IssueSvid(new SvidRequest("web", DnsNames: ["web.local"], IpAddresses: [IPAddress.Parse("10.1.2.3")]));

        var san = Extension<X509SubjectAlternativeNameExtension>(svid);
        Assert.Equal(["web.local"], san.EnumerateDnsNames());
        Assert.Equal([IPAddress.Parse("10.1.2.3")], san.EnumerateIPAddresses());
        Assert.Single(UriSans(svid));
    }

    [Fact]
    public void IssueGatewaySvid_NamesTheGatewayAndLoopback()
    {
        using var svid = ca.IssueGatewaySvid();

        Assert.Equal(["spiffe://example.org/ns/default/gateway"], UriSans(svid));
        var san = Extension<X509SubjectAlternativeNameExtension>(svid);
        Assert.Equal(["localhost"], san.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, san.EnumerateIPAddresses());
    }

    [Theory]
    [InlineData("spiffe://other.org/ns/default/app")]
    [InlineData("spiffe://example.org")]
    [InlineData("spiffe://example.org/a/")]
    public void IssueSvid_IdOutsideTheCasDomainOrInvalid_Throws(string spiffeId)
    {
        var ex = Assert.Throws<ArgumentException>(() => ca.IssueSvid(spiffeId));

        Assert.Contains(spiffeId, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b", "default")]
    [InlineData("", "default")]
    [InlineData("app", "")]
    [InlineData("app$", "default")]
    public void IssueSvid_AppIdOrNamespaceThatIsNotOneSegment_Throws(string appId, string ns)
    {
        Assert.ThrowsAny<ArgumentException>(() => ca.IssueSvid(new SvidRequest(appId, ns)));
    }

    [Fact]
    public void SaveThenLoad_GivesTheSameCaWhichStillIssuesTrustedSvids()
    {
        ca.Save(directory);

        using var loaded = DevCertificateAuthority.Load(directory, new FixedTime(Now));
        using var svid = loaded.IssueSvid(new SvidRequest("orders"));

        Assert.Equal("example.org", loaded.TrustDomain);
        Assert.Equal(ca.Certificate.Thumbprint, loaded.Certificate.Thumbprint);
        var bundles = TrustBundleSet.Load([("example.org", Path.Combine(directory, "ca.crt"))]);
        Assert.True(X509SvidValidator.Validate(svid, [], bundles, Now).IsValid);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Save_KeyFileIsOwnerOnly()
    {
        ca.Save(directory);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "ca.key")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(directory, "ca.key")), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingKey_NamesTheFile()
    {
        ca.Save(directory);
        File.Delete(Path.Combine(directory, "ca.key"));

        var ex = Assert.Throws<FileNotFoundException>(() => DevCertificateAuthority.Load(directory));

        Assert.Contains(Path.Combine(directory, "ca.key"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CertificateWithoutTrustDomainSan_IsRejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var plain = new CertificateRequest("CN=plain", key, HashAlgorithmName.SHA256).CreateSelfSigned(Now, Now.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "ca.crt"), plain.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "ca.key"), key.ExportPkcs8PrivateKeyPem());

        var ex = Assert.Throws<InvalidDataException>(() => DevCertificateAuthority.Load(directory));

        Assert.Contains("spiffe://<trust-domain>", ex.Message, StringComparison.Ordinal);
    }

    private static string[] UriSans(X509Certificate2 certificate) =>
        [.. UriSanReader.TryRead(certificate, out var error) ?? throw new InvalidOperationException(error)];

    private static T Extension<T>(X509Certificate2 certificate)
        where T : X509Extension =>
        certificate.Extensions.OfType<T>().Single();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
