using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Identity;

namespace Gateway.Certificates;

/// <summary>The X509-SVID leaf profile (X509-SVID §4 and §5) the development CA issues.</summary>
internal static class SvidTemplate
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>
    /// Creates an ECDSA P-256 leaf for <paramref name="id"/> signed by <paramref name="issuerKey"/>; the
    /// returned certificate carries its private key.
    /// </summary>
    public static X509Certificate2 Issue(
        SpiffeId id,
        IReadOnlyList<string>? dnsNames,
        IReadOnlyList<IPAddress>? ipAddresses,
        X509Certificate2 issuer,
        ECDsa issuerKey,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter)
    {
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(id.Segments[^1]);

        var request = new CertificateRequest(subject.Build(), leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(ServerAuthOid), new Oid(ClientAuthOid) }, critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
            issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // The subject is never empty here, so the SAN may stay non-critical (RFC 5280 §4.2.1.6).
        request.CertificateExtensions.Add(SubjectAltNameEncoder.Encode([id.ToString()], dnsNames, ipAddresses));

        var generator = X509SignatureGenerator.CreateForECDsa(issuerKey);
        using var publicOnly = request.Create(issuer.SubjectName, generator, notBefore, notAfter, NewSerialNumber());
        return publicOnly.CopyWithPrivateKey(leafKey);
    }

    /// <summary>A positive 128-bit random serial (RFC 5280 allows up to 20 octets).</summary>
    private static byte[] NewSerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }
}
