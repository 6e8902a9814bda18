using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Tests.Credentials;

/// <summary>Makes a brand-new TLS handshake with the gateway and reports the certificate it presented.</summary>
internal static class ServerCertificateProbe
{
    public static async Task<string> ThumbprintAsync(Uri gateway)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.Host, gateway.Port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            AllowTlsResume = false,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        using var certificate = X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData());
        return certificate.Thumbprint;
    }

    /// <summary>Probes every 100 ms until the gateway presents <paramref name="thumbprint"/>, for up to 30 s.</summary>
    public static async Task WaitForAsync(Uri gateway, string thumbprint)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string seen;
        while (!string.Equals(seen = await ThumbprintAsync(gateway), thumbprint, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"new handshakes still present {seen}, not {thumbprint}");
            }

            await Task.Delay(100);
        }
    }
}
