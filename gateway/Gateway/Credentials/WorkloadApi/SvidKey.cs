using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>Joins an X509-SVID's leaf with the PKCS#8 key the Workload API sent beside it.</summary>
internal static class SvidKey
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaPublicKeyOid = "1.2.840.113549.1.1.1";

    /// <summary>
    /// The leaf with its private key. Throws <see cref="InvalidDataException"/> when the key cannot be read,
    /// is of another algorithm than the leaf's public key, or is not the leaf's key: an SVID whose key does
    /// not match is never used. The message never holds key material.
    /// </summary>
    public static X509Certificate2 Attach(X509Certificate2 leaf, ReadOnlySpan<byte> pkcs8, string what)
    {
        try
        {
            switch (leaf.PublicKey.Oid.Value)
            {
                case EcPublicKeyOid:
                    using (var ecdsa = ECDsa.Create())
                    {
                        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
                        return leaf.CopyWithPrivateKey(ecdsa);
                    }

                case RsaPublicKeyOid:
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                        return leaf.CopyWithPrivateKey(rsa);
                    }

                default:
                    throw new InvalidDataException($"{what}: the certificate's key algorithm {leaf.PublicKey.Oid.Value} is not supported (ECDSA or RSA)");
            }
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            // CopyWithPrivateKey throws ArgumentException when the key is not the certificate's.
            throw new InvalidDataException($"{what}: the private key does not belong to the certificate or cannot be read ({ex.GetType().Name})", ex);
        }
    }
}
