using Gateway.Certificates;

namespace Gateway.Credentials;

/// <summary>
/// <c>gateway run --dev</c>: a development CA and the gateway's own SVID under
/// <see cref="ICredentialSettings.DevDirectory"/>, created when missing and reused after that.
/// </summary>
internal static class DevCredentials
{
    public const string GatewayCertFile = "gateway.crt";
    public const string GatewayKeyFile = "gateway.key";

    /// <summary>Creates what is missing and points the options at it. Returns a line to tell the user.</summary>
    public static string Ensure(ICredentialSettings options)
    {
        var directory = Path.GetFullPath(options.DevDirectory);
        Directory.CreateDirectory(directory);
        var caPath = Path.Combine(directory, DevCertificateAuthority.CertificateFileName);
        var created = false;
        DevCertificateAuthority ca;
        if (File.Exists(caPath))
        {
            ca = DevCertificateAuthority.Load(directory);
        }
        else
        {
            ca = DevCertificateAuthority.Create(options.DevTrustDomain);
            ca.Save(directory);
            created = true;
        }

        using (ca)
        {
            var certPath = Path.Combine(directory, GatewayCertFile);
            var keyPath = Path.Combine(directory, GatewayKeyFile);
            if (created || !File.Exists(certPath) || !File.Exists(keyPath) || ExpiresSoon(certPath))
            {
                using var svid = ca.IssueGatewaySvid();
                SvidFiles.Write(svid, ca.Certificate, certPath, keyPath);
            }

            options.SvidCert ??= certPath;
            options.SvidKey ??= keyPath;
            options.TrustBundles.TryAdd(ca.TrustDomain, caPath);
            return $"development identities in {directory} (trust domain '{ca.TrustDomain}'); issue an app certificate with: gateway certs issue --ca {directory} --app-id <app> --out <dir>";
        }
    }

    private static bool ExpiresSoon(string certPath)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(certPath);
        return certificate.NotAfter.ToUniversalTime() < DateTime.UtcNow.AddHours(1);
    }
}
