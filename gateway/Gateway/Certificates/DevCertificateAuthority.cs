using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Identity;

namespace Gateway.Certificates;

/// <summary>
/// A development CA for one trust domain that issues X509-SVIDs (ECDSA P-256) shaped like those of Dapr
/// Sentry and SPIRE. Its certificate carries the URI SAN <c>spiffe://&lt;td&gt;</c>, which is how
/// <see cref="Load"/> learns the trust domain back. Not for production: the key sits in a plain file.
/// </summary>
internal sealed class DevCertificateAuthority : IDisposable
{
    /// <summary>File name of the CA certificate (PEM) in a CA directory; also the trust bundle to hand out.</summary>
    public const string CertificateFileName = "ca.crt";

    /// <summary>File name of the CA private key (PKCS#8 PEM, mode 0600) in a CA directory.</summary>
    public const string KeyFileName = "ca.key";

    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);

    private readonly ECDsa key;
    private readonly TimeProvider time;

    private DevCertificateAuthority(X509Certificate2 certificate, ECDsa key, string trustDomain, TimeProvider time)
    {
        Certificate = certificate;
        this.key = key;
        TrustDomain = trustDomain;
        this.time = time;
    }

    /// <summary>The self-signed CA certificate (public part only).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The trust domain this CA issues for.</summary>
    public string TrustDomain { get; }

    /// <summary>Creates a new CA valid for ten years from now (backdated one minute for clock skew).</summary>
    public static DevCertificateAuthority Create(string trustDomain, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var id = SpiffeId.ForTrustDomain(trustDomain);
        var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={trustDomain} development CA, O=gateway", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(SubjectAltNameEncoder.Encode([id.ToString()]));

        var notBefore = time.GetUtcNow().AddMinutes(-1);
        using var withKey = request.CreateSelfSigned(notBefore, notBefore + CaLifetime);
        var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        return new DevCertificateAuthority(publicOnly, caKey, trustDomain, time);
    }

    /// <summary>
    /// Loads <c>ca.crt</c> and <c>ca.key</c> from <paramref name="directory"/>. Throws
    /// <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> naming the file at fault.
    /// </summary>
    public static DevCertificateAuthority Load(string directory, TimeProvider? time = null)
    {
        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        var certificate = SvidFiles.Load(certificatePath, keyPath);
        var caKey = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidDataException($"CA key '{keyPath}' is not an ECDSA key.");
        var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        certificate.Dispose();
        return new DevCertificateAuthority(publicOnly, caKey, ReadTrustDomain(publicOnly, certificatePath), time ?? TimeProvider.System);
    }

    /// <summary>Writes <c>ca.crt</c> (0644) and <c>ca.key</c> (0600) into <paramref name="directory"/>, creating it.</summary>
    public void Save(string directory)
    {
        SecretFile.WritePublic(Path.Combine(directory, CertificateFileName), Certificate.ExportCertificatePem() + "\n");
        SecretFile.WritePrivate(Path.Combine(directory, KeyFileName), key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>Issues <c>spiffe://&lt;td&gt;/ns/&lt;namespace&gt;/&lt;app-id&gt;</c>; the result has its private key.</summary>
    public X509Certificate2 IssueSvid(SvidRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckSegment(request.AppId, "app ID");
        CheckSegment(request.Namespace, "namespace");
        var id = $"spiffe://{TrustDomain}/ns/{request.Namespace}/{request.AppId}";
        return IssueSvid(id, request.DnsNames, request.IpAddresses, request.Ttl);
    }

    /// <summary>
    /// Issues an X509-SVID for any non-root SPIFFE ID of this trust domain (e.g. the gateway's own);
    /// the subject CN is the ID's last path segment. Throws <see cref="ArgumentException"/> for an invalid
    /// ID, a root ID or another trust domain.
    /// </summary>
    public X509Certificate2 IssueSvid(
        string spiffeId,
        IReadOnlyList<string>? dnsNames = null,
        IReadOnlyList<IPAddress>? ipAddresses = null,
        TimeSpan? ttl = null)
    {
        var id = CheckIssuable(spiffeId);
        var lifetime = ttl ?? SvidRequest.DefaultTtl;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), lifetime, "The SVID lifetime must be positive.");
        }

        var notBefore = time.GetUtcNow().AddMinutes(-1);
        var notAfter = Min(notBefore + lifetime + TimeSpan.FromMinutes(1), Certificate.NotAfter.ToUniversalTime());
        return SvidTemplate.Issue(id, dnsNames, ipAddresses, Certificate, key, notBefore, notAfter);
    }

    /// <summary>The gateway's own SVID: <c>spiffe://&lt;td&gt;/ns/default/gateway</c>, DNS localhost, IP 127.0.0.1 and ::1.</summary>
    public X509Certificate2 IssueGatewaySvid(TimeSpan? ttl = null) =>
        IssueSvid($"spiffe://{TrustDomain}/ns/default/gateway", ["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback], ttl);

    public void Dispose()
    {
        key.Dispose();
        Certificate.Dispose();
    }

    private SpiffeId CheckIssuable(string spiffeId)
    {
        if (!SpiffeId.TryParse(spiffeId, out var id, out var error))
        {
            throw new ArgumentException($"'{spiffeId}' is not a valid SPIFFE ID: {error}.", nameof(spiffeId));
        }

        if (id.IsRoot || !id.IsMemberOf(TrustDomain))
        {
            throw new ArgumentException(
                $"'{spiffeId}' cannot be issued by the CA of trust domain '{TrustDomain}': an SVID needs a path in that trust domain.",
                nameof(spiffeId));
        }

        return id;
    }

    private static void CheckSegment(string value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} '{value}' must be one non-empty SPIFFE ID path segment.");
        }
    }

    private static string ReadTrustDomain(X509Certificate2 certificate, string certificatePath)
    {
        var uris = UriSanReader.TryRead(certificate, out var error)
            ?? throw new InvalidDataException($"CA certificate '{certificatePath}': {error}.");
        if (uris.Count != 1 || !SpiffeId.TryParse(uris[0], out var id, out _) || !id.IsRoot)
        {
            throw new InvalidDataException(
                $"CA certificate '{certificatePath}' must carry exactly one URI SAN of the form spiffe://<trust-domain>.");
        }

        return id.TrustDomain;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
