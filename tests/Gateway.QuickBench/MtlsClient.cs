using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.QuickBench;

/// <summary>An HTTP/1.1 keep-alive client on exactly one TLS connection, presenting a client certificate.</summary>
internal static class MtlsClient
{
    public static HttpClient Create(Uri baseAddress, X509Certificate2 ca, X509Certificate2 clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, [], offline: true),
                RemoteCertificateValidationCallback = (_, certificate, _, _) => ChainsTo(certificate, ca),
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    private static bool ChainsTo(X509Certificate? certificate, X509Certificate2 ca)
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
