using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;

namespace Gateway.LoadGen.Servers;

/// <summary>
/// The benchmark's identities, from the gateway's own development CA (what <c>gateway certs</c> makes):
/// the trust domain <c>public</c>, the gateway's SVID (also presented by the no-op endpoint, so both
/// handshakes cost the same), the publisher's, and one per subscribing app (<c>app-0</c>, <c>app-1</c>, …).
/// </summary>
internal sealed class BenchPki : IDisposable
{
    public const string TrustDomain = "public";
    public const string PublisherAppId = "publisher";

    private BenchPki(string directory, X509Certificate2 ca, X509Certificate2 publisher, IReadOnlyList<X509Certificate2> apps)
    {
        Directory = directory;
        Ca = ca;
        Publisher = publisher;
        Apps = apps;
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Publisher { get; }

    /// <summary>The SVID of <c>app-i</c> at index i.</summary>
    public IReadOnlyList<X509Certificate2> Apps { get; }

    public string CaPath => Path.Combine(Directory, DevCertificateAuthority.CertificateFileName);

    public string ServerCertPath => Path.Combine(Directory, "gateway.crt");

    public string ServerKeyPath => Path.Combine(Directory, "gateway.key");

    /// <summary>The credential flags of <c>gateway run</c> (and of the no-op endpoint).</summary>
    public IReadOnlyList<string> ServerArguments => ["--svid-cert", ServerCertPath, "--svid-key", ServerKeyPath, "--trust-bundle", $"{TrustDomain}={CaPath}"];

    public static string AppId(int index) => $"app-{index}";

    public static BenchPki Create(string directory, int appCount)
    {
        using var ca = DevCertificateAuthority.Create(TrustDomain);
        ca.Save(directory);
        using (var server = ca.IssueGatewaySvid(TimeSpan.FromDays(2)))
        {
            SvidFiles.Write(server, ca.Certificate, Path.Combine(directory, "gateway.crt"), Path.Combine(directory, "gateway.key"));
        }

        X509Certificate2 Issue(string appId) =>
            ca.IssueSvid(new SvidRequest(appId, DnsNames: ["localhost"], IpAddresses: [IPAddress.Loopback], Ttl: TimeSpan.FromDays(2)));

        var apps = Enumerable.Range(0, appCount).Select(i => Issue(AppId(i))).ToList();
        return new BenchPki(directory, X509CertificateLoader.LoadCertificate(ca.Certificate.RawData), Issue(PublisherAppId), apps);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Publisher.Dispose();
        foreach (var app in Apps)
        {
            app.Dispose();
        }
    }
}
