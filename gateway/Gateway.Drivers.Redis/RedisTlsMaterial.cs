using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Drivers.Redis;

/// <summary>Reads the PEM certificates and keys of the TLS metadata; null or empty when they do not parse.</summary>
internal static class RedisTlsMaterial
{
    public static X509Certificate2Collection ReadAuthorities(string pem)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            authorities.Clear();
        }

        return authorities;
    }

    public static X509Certificate2? ReadClientCertificate(string certificatePem, string keyPem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
