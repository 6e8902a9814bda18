using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Dapr.Client;
using Grpc.Net.Client;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// The official Dapr .NET SDK (Dapr.Client) pointed at the gateway as at a sidecar: its gRPC endpoint is the
/// gateway's one mTLS port, and its channel presents an app's SVID and trusts only the test CA. Each client and
/// channel gets its own handler (Grpc.Net.Client rewires the handler it is given).
/// </summary>
internal static class DaprSdkClients
{
    /// <summary>A DaprClient presenting a fresh SVID of <paramref name="appId"/>.</summary>
    public static DaprClient For(GatewayTestHost gateway, string appId, string @namespace = "default") =>
        Create(gateway.BaseAddress, gateway.Pki.Ca.Certificate, gateway.Pki.IssueApp(appId, @namespace));

    /// <summary>A DaprClient presenting <paramref name="certificate"/>, or no certificate at all.</summary>
    public static DaprClient Create(Uri gateway, X509Certificate2 ca, X509Certificate2? certificate)
    {
        var endpoint = gateway.GetLeftPart(UriPartial.Authority);
        return new DaprClientBuilder()
            .UseGrpcEndpoint(endpoint)
            .UseHttpEndpoint(endpoint)
            .UseGrpcChannelOptions(new GrpcChannelOptions { HttpHandler = Handler(ca, certificate), DisposeHttpClient = true })
            .Build();
    }

    /// <summary>A raw gRPC channel to the gateway (for Dapr.Protos clients and reflection), presenting <paramref name="certificate"/>.</summary>
    public static GrpcChannel Channel(Uri gateway, X509Certificate2 ca, X509Certificate2? certificate) =>
        GrpcChannel.ForAddress(gateway.GetLeftPart(UriPartial.Authority), new GrpcChannelOptions { HttpHandler = Handler(ca, certificate), DisposeHttpClient = true });

    /// <summary>A channel presenting a fresh SVID of <paramref name="appId"/>.</summary>
    public static GrpcChannel ChannelFor(GatewayTestHost gateway, string appId, string @namespace = "default") =>
        Channel(gateway.BaseAddress, gateway.Pki.Ca.Certificate, gateway.Pki.IssueApp(appId, @namespace));

    private static SocketsHttpHandler Handler(X509Certificate2 ca, X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            EnableMultipleHttp2Connections = true,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) => TlsClients.ChainsTo(presented, ca),
            },
        };
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificateContext = SslStreamCertificateContext.Create(certificate, [], offline: true);
        }

        return handler;
    }
}
