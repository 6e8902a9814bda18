using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gateway.Identity;

namespace Gateway.Certificates;

/// <summary>
/// X509-SVID files in the layout spiffe-helper and csi-driver-spiffe use: a certificate file with the
/// leaf first and then its chain, and a separate PKCS#8 <c>PRIVATE KEY</c> file.
/// </summary>
internal static class SvidFiles
{
    /// <summary>
    /// Writes <paramref name="svid"/> then <paramref name="issuer"/> to <paramref name="certPath"/> and the
    /// SVID's private key to <paramref name="keyPath"/> (mode 0600). Each file is replaced atomically.
    /// </summary>
    public static void Write(X509Certificate2 svid, X509Certificate2 issuer, string certPath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(svid);
        ArgumentNullException.ThrowIfNull(issuer);
        var chain = new StringBuilder()
            .Append(svid.ExportCertificatePem()).Append('\n')
            .Append(issuer.ExportCertificatePem()).Append('\n')
            .ToString();
        SecretFile.WritePublic(certPath, chain);
        SecretFile.WritePrivate(keyPath, ExportPrivateKeyPem(svid) + "\n");
    }

    /// <summary>
    /// Loads the first certificate of <paramref name="certPath"/> with the key in <paramref name="keyPath"/>
    /// (ECDSA or RSA, PKCS#8 or the traditional formats). Throws <see cref="FileNotFoundException"/> or
    /// <see cref="InvalidDataException"/> with a message naming the file; a key that does not belong to the
    /// certificate is an error.
    /// </summary>
    public static X509Certificate2 Load(string certPath, string keyPath)
    {
        RequireFile(certPath, "certificate");
        RequireFile(keyPath, "private key");
        try
        {
            return X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidDataException(
                $"Cannot load the certificate '{certPath}' with the private key '{keyPath}': {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(
                $"Cannot load the certificate '{certPath}' with the private key '{keyPath}': {ex.Message}", ex);
        }
    }

    /// <summary>The certificates after the leaf in <paramref name="certPath"/>: what to send as intermediates.</summary>
    public static X509Certificate2Collection LoadChain(string certPath)
    {
        var all = TrustBundleSet.ReadPemBundle(certPath, "Certificate file");
        return [.. all.Skip(1)];
    }

    private static string ExportPrivateKeyPem(X509Certificate2 svid)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)svid.GetECDsaPrivateKey()
            ?? svid.GetRSAPrivateKey()
            ?? throw new ArgumentException("The SVID has no ECDSA or RSA private key.", nameof(svid));
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} file '{path}' does not exist.", path);
        }
    }
}
