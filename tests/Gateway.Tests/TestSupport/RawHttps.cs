using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// One HTTP/1.1 request written byte for byte over TLS, for request targets that HttpClient would
/// normalise (dot segments, repeated slashes) and for bodies sent slowly or cut off.
/// </summary>
internal static class RawHttps
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and an optional body; returns the status and body.</summary>
    public static async Task<(int Status, string Body)> SendAsync(Uri baseAddress, X509Certificate2 ca, X509Certificate2? clientCertificate, string head, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var tls = await OpenAsync(tcp, ca, clientCertificate);
        var request = head + $"\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n" + (body is null ? "" : $"Content-Length: {body.Length}\r\n") + "\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (body is not null)
        {
            await tls.WriteAsync(body);
        }

        await tls.FlushAsync();
        return Parse(await new StreamReader(tls, Encoding.UTF8).ReadToEndAsync());
    }

    /// <summary>A TLS connection to the gateway, trusting only <paramref name="ca"/>.</summary>
    public static async Task<SslStream> OpenAsync(TcpClient tcp, X509Certificate2 ca, X509Certificate2? clientCertificate)
    {
        var tls = new SslStream(tcp.GetStream());
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, certificate, _, _) => TlsClients.ChainsTo(certificate, ca),
        };
        if (clientCertificate is not null)
        {
            options.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate, [], offline: true);
        }

        await tls.AuthenticateAsClientAsync(options);
        return tls;
    }

    private static (int Status, string Body) Parse(string response)
    {
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? "" : response[(bodyStart + 4)..]);
    }
}
