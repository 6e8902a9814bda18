using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>Certificates as the Workload API sends them: DER encodings one after another, no separator.</summary>
internal static class DerCertificates
{
    /// <summary>
    /// Every certificate in <paramref name="der"/>, in order. Throws <see cref="InvalidDataException"/> naming
    /// <paramref name="what"/> when a certificate cannot be read or bytes are left over.
    /// </summary>
    public static List<X509Certificate2> Read(ReadOnlySpan<byte> der, string what)
    {
        var certificates = new List<X509Certificate2>();
        while (!der.IsEmpty)
        {
            try
            {
                AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out var length);
                certificates.Add(X509CertificateLoader.LoadCertificate(der[..length]));
                der = der[length..];
            }
            catch (Exception ex) when (ex is AsnContentException or CryptographicException)
            {
                throw new InvalidDataException($"{what}: certificate #{certificates.Count + 1} cannot be read: {ex.Message}", ex);
            }
        }

        return certificates;
    }
}
