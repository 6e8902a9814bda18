using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Gateway.Credentials;
using Gateway.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Gateway.Authentication;

/// <summary>
/// HTTPS with client certificates on a Kestrel endpoint. Each handshake reads the current credentials
/// (so new ones apply to new connections only), asks for a client certificate, validates it as an
/// X509-SVID against the bundle of its own trust domain, and keeps the verdict on the connection. The
/// handshake itself succeeds either way so that the caller gets a 401 that says what is wrong, and so
/// that health probes without a certificate can be answered.
/// </summary>
internal static class TlsEndpoint
{
    public static void Configure(ListenOptions listen, Func<GatewayCredentials> credentials, TimeProvider timeProvider)
    {
        listen.Protocols = HttpProtocols.Http1AndHttp2;
        PlainHttpHint.Use(listen);
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = context =>
            {
                var current = credentials();
                var items = context.Connection.Items;
                var options = new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = current.ServerContext,
                    ClientCertificateRequired = true,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],

                    // A resumed session skips the certificate callback; every connection must prove who it is.
                    AllowTlsResume = false,
                    RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                    {
                        items[PeerValidation.ConnectionItemKey] = Validate(certificate, chain, current.Bundles, timeProvider);
                        return true;
                    },
                };
                return ValueTask.FromResult(options);
            },
        });
    }

    private static PeerValidation Validate(X509Certificate? certificate, X509Chain? chain, TrustBundleSet bundles, TimeProvider timeProvider)
    {
        if (certificate is null)
        {
            return new PeerValidation(null);
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return new PeerValidation(X509SvidValidator.Validate(leaf, chain, bundles, timeProvider.GetUtcNow(), SvidPeerRole.Client));
    }
}
