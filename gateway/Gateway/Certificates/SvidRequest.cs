using System.Net;

namespace Gateway.Certificates;

/// <summary>What the development CA should put into an app's X509-SVID.</summary>
/// <param name="AppId">The Dapr app ID; becomes the last path segment and the subject CN.</param>
/// <param name="Namespace">The namespace segment of <c>spiffe://td/ns/&lt;namespace&gt;/&lt;app-id&gt;</c>.</param>
/// <param name="DnsNames">Extra DNS SANs, for apps that also serve TLS under a host name.</param>
/// <param name="IpAddresses">Extra IP SANs.</param>
/// <param name="Ttl">Lifetime from issuance; 24 hours when null, never past the CA's own expiry.</param>
internal sealed record SvidRequest(
    string AppId,
    string Namespace = "default",
    IReadOnlyList<string>? DnsNames = null,
    IReadOnlyList<IPAddress>? IpAddresses = null,
    TimeSpan? Ttl = null)
{
    /// <summary>The lifetime used when <see cref="Ttl"/> is not given.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromHours(24);
}
