using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// A throw-away certificate authority with a server certificate for 127.0.0.1 and a client
/// certificate, generated in the test and written as PEM files for <c>redis-server</c> and the driver.
/// </summary>
internal sealed class RedisTestCertificates
{
    private RedisTestCertificates(string authorityPem, string serverCertificatePem, string serverKeyPem, string clientCertificatePem, string clientKeyPem)
    {
        AuthorityPem = authorityPem;
        ServerCertificatePem = serverCertificatePem;
        ServerKeyPem = serverKeyPem;
        ClientCertificatePem = clientCertificatePem;
        ClientKeyPem = clientKeyPem;
    }

    public string AuthorityPem { get; }

    public string ServerCertificatePem { get; }

    public string ServerKeyPem { get; }

    public string ClientCertificatePem { get; }

    public string ClientKeyPem { get; }

    public static RedisTestCertificates Create()
    {
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Gateway Redis Test Authority", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var (serverPem, serverKey) = Issue(authority, "CN=127.0.0.1", server: true, now);
        var (clientPem, clientKey) = Issue(authority, "CN=gateway-test-client", server: false, now);
        return new RedisTestCertificates(authority.ExportCertificatePem(), serverPem, serverKey, clientPem, clientKey);
    }

    /// <summary>Writes the server's files into <paramref name="directory"/> and returns their paths.</summary>
    public (string Authority, string Certificate, string Key) WriteServerFiles(string directory)
    {
        var paths = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server.key"));
        File.WriteAllText(paths.Item1, AuthorityPem);
        File.WriteAllText(paths.Item2, ServerCertificatePem);
        File.WriteAllText(paths.Item3, ServerKeyPem);
        return paths;
    }

    private static (string CertificatePem, string KeyPem) Issue(X509Certificate2 authority, string subject, bool server, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        using var certificate = request.Create(authority, now.AddMinutes(-5), now.AddHours(12), serial);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
