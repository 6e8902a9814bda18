using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.LoadGen.Http;

/// <summary>
/// How the generator's clients do TLS: present the publisher's X509-SVID, and accept a server only if
/// its certificate chains to the benchmark's CA (as any careful client would). Resumption is left to
/// the server, which refuses it (the gateway turns it off), so every connection is a full handshake.
/// </summary>
internal sealed class TlsClientSettings
{
    private readonly X509Certificate2 _ca;

    public TlsClientSettings(X509Certificate2 ca, X509Certificate2 clientCertificate)
    {
        _ca = ca;
        ClientContext = SslStreamCertificateContext.Create(clientCertificate, [], offline: true);
    }

    public SslStreamCertificateContext ClientContext { get; }

    public SslClientAuthenticationOptions Options(string targetHost, bool http11Only = true) => new()
    {
        TargetHost = targetHost,
        ClientCertificateContext = ClientContext,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        ApplicationProtocols = http11Only ? [SslApplicationProtocol.Http11] : null,
        RemoteCertificateValidationCallback = (_, certificate, _, _) => ChainsToCa(certificate),
    };

    private bool ChainsToCa(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
