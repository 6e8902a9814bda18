using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Samples;

/// <summary>
/// What every sample needs to talk to the gateway as an app: the gateway's address, the CA to trust, and the
/// app's SVID (certificate and key, PEM). The defaults are those of <c>gateway run --dev</c> and
/// <c>gateway certs issue --ca .gateway/dev --app-id APP --out .gateway/dev</c>. Flags: <c>--gateway URL</c>,
/// <c>--ca FILE</c>, <c>--cert FILE</c>, <c>--key FILE</c>, and each sample's own.
/// </summary>
internal sealed class SampleOptions
{
    private readonly Dictionary<string, string> _flags;

    public SampleOptions(string[] args, string appId)
    {
        _flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            _flags[args[i]] = args[i + 1];
        }

        Gateway = Flag("--gateway", "https://127.0.0.1:3500");
        CaPath = Flag("--ca", ".gateway/dev/ca.crt");
        CertPath = Flag("--cert", $".gateway/dev/{appId}.crt");
        KeyPath = Flag("--key", $".gateway/dev/{appId}.key");
    }

    public string Gateway { get; }

    public string CaPath { get; }

    public string CertPath { get; }

    public string KeyPath { get; }

    public string Flag(string name, string fallback) => _flags.GetValueOrDefault(name, fallback);

    public X509Certificate2 Ca => X509Certificate2.CreateFromPem(File.ReadAllText(CaPath));

    /// <summary>The app's SVID with its key, usable for TLS.</summary>
    public X509Certificate2 Svid()
    {
        using var pem = X509Certificate2.CreateFromPemFile(CertPath, KeyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A handler that presents the app's SVID and trusts only the CA for the other side.</summary>
    public SocketsHttpHandler Handler()
    {
        var ca = Ca;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(Svid(), [], offline: true),
                RemoteCertificateValidationCallback = (_, certificate, _, _) => ChainsToCa(certificate, ca),
            },
        };
    }

    public static bool ChainsToCa(X509Certificate? certificate, X509Certificate2 ca)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
