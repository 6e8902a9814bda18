using System.Security.Cryptography.X509Certificates;

namespace Gateway.Credentials;

/// <summary>When the gateway's own SVID is close enough to expiry that its renewal looks overdue.</summary>
internal static class SvidExpiry
{
    /// <summary>
    /// True when less than a third of the SVID's lifetime remains. Every issuer the gateway knows renews
    /// earlier (SPIRE and Dapr at half, csi-driver-spiffe at two thirds), so an SVID this old was not renewed.
    /// </summary>
    public static bool RenewalOverdue(X509Certificate2 svid, DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(svid.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(svid.NotAfter.ToUniversalTime());
        return notAfter - now < (notAfter - notBefore) / 3;
    }

    /// <summary>Seconds until the SVID expires (negative once expired).</summary>
    public static double SecondsLeft(X509Certificate2 svid, DateTimeOffset now) =>
        (new DateTimeOffset(svid.NotAfter.ToUniversalTime()) - now).TotalSeconds;
}
