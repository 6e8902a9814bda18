using System.Net;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// A development CA for one trust domain plus the gateway's own SVID, written to a temporary folder the
/// way an operator's files would be.
/// </summary>
internal sealed class TestPki : IDisposable
{
    public TestPki(string trustDomain = "public")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("gateway-pki-").FullName;
        Ca = DevCertificateAuthority.Create(trustDomain);
        Ca.Save(Directory);
        CaPath = Path.Combine(Directory, DevCertificateAuthority.CertificateFileName);
        GatewayCertPath = Path.Combine(Directory, "gateway.crt");
        GatewayKeyPath = Path.Combine(Directory, "gateway.key");
        using var gateway = Ca.IssueGatewaySvid();
        SvidFiles.Write(gateway, Ca.Certificate, GatewayCertPath, GatewayKeyPath);
    }

    public string Directory { get; }

    public DevCertificateAuthority Ca { get; }

    public string TrustDomain => Ca.TrustDomain;

    public string CaPath { get; }

    public string GatewayCertPath { get; }

    public string GatewayKeyPath { get; }

    /// <summary>An app's X509-SVID with its private key, usable as a TLS client or server certificate.</summary>
    public X509Certificate2 IssueApp(string appId, string @namespace = "default") =>
        Ca.IssueSvid(new SvidRequest(appId, @namespace, ["localhost"], [IPAddress.Loopback]));

    public void Dispose()
    {
        Ca.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
