using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Tests.TestSupport;

/// <summary>HTTP clients that speak to the gateway over TLS, with or without a client certificate.</summary>
internal static class TlsClients
{
    /// <summary>
    /// A client that trusts only <paramref name="ca"/> for the server and presents
    /// <paramref name="clientCertificate"/> (or nothing).
    /// </summary>
    public static HttpClient Create(Uri baseAddress, X509Certificate2 ca, X509Certificate2? clientCertificate, X509Certificate2Collection? intermediates = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => ChainsTo(certificate, ca),
            },
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, intermediates ?? [], offline: true);
        }

        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>
    /// A client that keeps one connection open as long as the test runs, presenting <paramref name="certificate"/>;
    /// every TLS handshake it makes adds the server certificate's thumbprint to <paramref name="handshakes"/>,
    /// so a test sees whether a connection was opened again and with which server identity.
    /// </summary>
    public static HttpClient KeepAlive(Uri baseAddress, X509Certificate2 certificate, System.Collections.Concurrent.ConcurrentQueue<string> handshakes)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(certificate, [], offline: true),
                RemoteCertificateValidationCallback = (_, server, _, _) =>
                {
                    handshakes.Enqueue(X509CertificateLoader.LoadCertificate(server!.GetRawCertData()).Thumbprint);
                    return true;
                },
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    internal static bool ChainsTo(X509Certificate? certificate, X509Certificate2 ca)
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
