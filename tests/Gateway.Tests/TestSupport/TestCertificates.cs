using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// Builds CA and leaf certificates, good and deliberately bad, for X509-SVID tests. Everything is ECDSA
/// P-256 and dated around the fixed <see cref="Now"/>, so tests validate at that instant and never
/// depend on the wall clock.
/// </summary>
internal static class TestCertificates
{
    /// <summary>The verification time every certificate here is built around.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>A self-signed root for <paramref name="trustDomain"/> (URI SAN <c>spiffe://td</c>), with its key.</summary>
    public static X509Certificate2 Root(string trustDomain, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest($"CN={trustDomain} test root", key, trustDomain, keyCertSign: true);
        return request.CreateSelfSigned(notBefore ?? Now.AddDays(-1), notAfter ?? Now.AddYears(1));
    }

    /// <summary>An intermediate CA signed by <paramref name="issuer"/>, with its key.</summary>
    public static X509Certificate2 Intermediate(
        X509Certificate2 issuer, string trustDomain, bool isCa = true, bool keyCertSign = true, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CaRequest($"CN={trustDomain} test intermediate", key, trustDomain, keyCertSign, isCa);
        using var publicOnly = SignedBy(issuer, request, notBefore ?? Now.AddHours(-12), notAfter ?? Now.AddDays(180));
        return publicOnly.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// A leaf signed by <paramref name="issuer"/>. Defaults give a valid X509-SVID for
    /// <c>spiffe://example.org/ns/default/app1</c>; each parameter breaks one rule.
    /// </summary>
    /// <param name="issuer">A CA certificate with its private key.</param>
    /// <param name="uris">URI SANs written byte for byte; empty for none.</param>
    /// <param name="keyUsage">Key usage flags (critical); null leaves the extension out.</param>
    /// <param name="extendedKeyUsages">EKU OIDs; null = serverAuth + clientAuth, empty = no extension.</param>
    /// <param name="rawSubjectAltName">A hand-made SAN extension used instead of <paramref name="uris"/>.</param>
    public static X509Certificate2 Leaf(
        X509Certificate2 issuer,
        string[]? uris = null,
        bool isCa = false,
        X509KeyUsageFlags? keyUsage = X509KeyUsageFlags.DigitalSignature,
        string[]? extendedKeyUsages = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        string[]? dnsNames = null,
        X509Extension? rawSubjectAltName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test leaf", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, critical: true));
        if (keyUsage is { } usages)
        {
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, critical: true));
        }

        var ekus = extendedKeyUsages ?? [ServerAuth, ClientAuth];
        if (ekus.Length > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in ekus)
            {
                oids.Add(new Oid(oid));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }

        var sanUris = uris ?? ["spiffe://example.org/ns/default/app1"];
        if (rawSubjectAltName is not null)
        {
            request.CertificateExtensions.Add(rawSubjectAltName);
        }
        else if (sanUris.Length > 0 || dnsNames is not null)
        {
            request.CertificateExtensions.Add(SubjectAltNameEncoder.Encode(sanUris, dnsNames));
        }

        using var publicOnly = SignedBy(issuer, request, notBefore ?? Now.AddHours(-1), notAfter ?? Now.AddHours(1));
        return publicOnly.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 ValidLeaf(X509Certificate2 issuer, string spiffeId = "spiffe://example.org/ns/default/app1") =>
        Leaf(issuer, uris: [spiffeId]);

    public static X509Certificate2 ExpiredLeaf(X509Certificate2 issuer) =>
        Leaf(issuer, notBefore: Now.AddDays(-2), notAfter: Now.AddSeconds(-1));

    public static X509Certificate2 NotYetValidLeaf(X509Certificate2 issuer) =>
        Leaf(issuer, notBefore: Now.AddSeconds(1), notAfter: Now.AddDays(1));

    public static X509Certificate2 CaLeaf(X509Certificate2 issuer) => Leaf(issuer, isCa: true);

    public static X509Certificate2 KeyCertSignLeaf(X509Certificate2 issuer) =>
        Leaf(issuer, keyUsage: X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign);

    public static X509Certificate2 CrlSignLeaf(X509Certificate2 issuer) =>
        Leaf(issuer, keyUsage: X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign);

    public static X509Certificate2 TwoUriSans(X509Certificate2 issuer) =>
        Leaf(issuer, uris: ["spiffe://example.org/ns/default/app1", "spiffe://example.org/ns/default/app2"]);

    /// <summary>Has a SAN extension, but with a DNS name only.</summary>
    public static X509Certificate2 NoUriSan(X509Certificate2 issuer) => Leaf(issuer, uris: [], dnsNames: ["app1.example.org"]);

    public static X509Certificate2 RootIdLeaf(X509Certificate2 issuer) => Leaf(issuer, uris: ["spiffe://example.org"]);

    public static X509Certificate2 EkuServerOnlyLeaf(X509Certificate2 issuer) => Leaf(issuer, extendedKeyUsages: [ServerAuth]);

    public static X509Certificate2 EkuClientOnlyLeaf(X509Certificate2 issuer) => Leaf(issuer, extendedKeyUsages: [ClientAuth]);

    private static CertificateRequest CaRequest(string subject, ECDsa key, string trustDomain, bool keyCertSign, bool isCa = true)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, critical: true));
        var usages = keyCertSign ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature;
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usages, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(SubjectAltNameEncoder.Encode([$"spiffe://{trustDomain}"]));
        return request;
    }

    /// <summary>
    /// Signs with the issuer's key directly: <c>CertificateRequest.Create(issuer, ...)</c> refuses issuers
    /// that are not proper CAs, and bad issuers are exactly what some tests need.
    /// </summary>
    private static X509Certificate2 SignedBy(X509Certificate2 issuer, CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var issuerKey = issuer.GetECDsaPrivateKey()
            ?? throw new ArgumentException("The issuer has no ECDSA private key.", nameof(issuer));
        var generator = X509SignatureGenerator.CreateForECDsa(issuerKey);
        return request.Create(issuer.SubjectName, generator, notBefore, notAfter, Serial());
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }
}
