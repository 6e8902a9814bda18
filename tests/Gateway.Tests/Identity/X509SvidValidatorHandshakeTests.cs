using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Gateway.Identity;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Identity;

/// <summary>
/// The validator inside real TLS validation callbacks (the shape Kestrel's ClientCertificateValidation
/// has): the peer's intermediates must arrive through the callback chain's ExtraStore.
/// </summary>
public sealed class X509SvidValidatorHandshakeTests
{
    private static readonly X509Certificate2 Root = TestCertificates.Root("example.org");
    private static readonly TrustBundleSet Bundles = TrustBundleSet.FromCertificates("example.org", Root);

    [Fact]
    public async Task Handshake_ClientSendingItsIntermediate_IsAcceptedOnBothSides()
    {
        var intermediate = TestCertificates.Intermediate(Root, "example.org");
        var client = TestCertificates.ValidLeaf(intermediate, "spiffe://example.org/ns/default/orders");

        var (serverSaw, clientSaw) = await HandshakeAsync(client, [intermediate]);

        Assert.True(serverSaw.IsValid, serverSaw.Message);
        Assert.Equal("spiffe://example.org/ns/default/orders", serverSaw.SpiffeId.ToString());
        Assert.True(clientSaw.IsValid, clientSaw.Message);
        Assert.Equal("spiffe://example.org/ns/default/gateway", clientSaw.SpiffeId.ToString());
    }

    [Fact]
    public async Task Handshake_ClientWithoutItsIntermediate_IsRefusedByTheServer()
    {
        var intermediate = TestCertificates.Intermediate(Root, "example.org");
        var client = TestCertificates.ValidLeaf(intermediate, "spiffe://example.org/ns/default/orders");

        var (serverSaw, _) = await HandshakeAsync(client, []);

        Assert.Equal(SvidFailureReason.ChainInvalid, serverSaw.Reason);
    }

    [Fact]
    public async Task Handshake_ClientWithServerOnlyEku_IsRefusedByTheServer()
    {
        var (serverSaw, _) = await HandshakeAsync(TestCertificates.EkuServerOnlyLeaf(Root), []);

        Assert.Equal(SvidFailureReason.EkuWithoutClientAuth, serverSaw.Reason);
    }

    private static async Task<(SvidValidationResult Server, SvidValidationResult Client)> HandshakeAsync(
        X509Certificate2 clientLeaf, X509Certificate2[] clientIntermediates)
    {
        var serverLeaf = TestCertificates.ValidLeaf(Root, "spiffe://example.org/ns/default/gateway");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var clientSocket = new TcpClient();
        await clientSocket.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var serverSocket = await listener.AcceptTcpClientAsync();

        SvidValidationResult? serverSaw = null;
        SvidValidationResult? clientSaw = null;
        await using var server = new SslStream(serverSocket.GetStream());
        await using var client = new SslStream(clientSocket.GetStream());
        var serverOptions = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(serverLeaf, [], offline: true),
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                serverSaw = X509SvidValidator.Validate((X509Certificate2)certificate!, chain, Bundles, TestCertificates.Now);
                return serverSaw.IsValid;
            },
        };
        var clientOptions = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificateContext = SslStreamCertificateContext.Create(clientLeaf, [.. clientIntermediates], offline: true),
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                clientSaw = X509SvidValidator.Validate(
                    (X509Certificate2)certificate!, chain, Bundles, TestCertificates.Now, SvidPeerRole.Server);
                return clientSaw.IsValid;
            },
        };

        var serverHandshake = server.AuthenticateAsServerAsync(serverOptions);
        var clientHandshake = client.AuthenticateAsClientAsync(clientOptions);
        try
        {
            await Task.WhenAll(serverHandshake, clientHandshake).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            // A refused certificate fails the handshake; what matters is what each callback concluded.
        }

        return (serverSaw ?? throw new InvalidOperationException("the server never saw a client certificate"),
            clientSaw ?? throw new InvalidOperationException("the client never saw a server certificate"));
    }
}
