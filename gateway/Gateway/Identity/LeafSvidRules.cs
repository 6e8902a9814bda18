using System.Security.Cryptography.X509Certificates;

namespace Gateway.Identity;

/// <summary>
/// The X509-SVID rules about the leaf itself (X509-SVID §4 and §5), beyond what path validation checks:
/// .NET's chain engine accepts a CA or keyCertSign leaf and ignores the leaf's usages.
/// </summary>
internal static class LeafSvidRules
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    /// <summary>Returns the first broken rule, or null when the leaf satisfies them all.</summary>
    public static (SvidFailureReason Reason, string Message)? Check(X509Certificate2 leaf, SvidPeerRole role)
    {
        var basicConstraints = leaf.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (basicConstraints is { CertificateAuthority: true })
        {
            return (SvidFailureReason.LeafIsCa, "leaf certificate with CA flag set to true");
        }

        var keyUsage = leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        var usages = keyUsage?.KeyUsages ?? X509KeyUsageFlags.None;
        if (usages.HasFlag(X509KeyUsageFlags.KeyCertSign))
        {
            return (SvidFailureReason.LeafKeyCertSign, "leaf certificate with KeyCertSign key usage");
        }

        if (usages.HasFlag(X509KeyUsageFlags.CrlSign))
        {
            return (SvidFailureReason.LeafCrlSign, "leaf certificate with KeyCrlSign key usage");
        }

        if (keyUsage is null)
        {
            return (SvidFailureReason.MissingDigitalSignature, "leaf certificate has no key usage extension");
        }

        if (!usages.HasFlag(X509KeyUsageFlags.DigitalSignature))
        {
            return (SvidFailureReason.MissingDigitalSignature, "leaf certificate without DigitalSignature key usage");
        }

        return CheckExtendedKeyUsage(leaf, role);
    }

    /// <summary>
    /// An absent extendedKeyUsage allows every use (RFC 5280). When present, the usage this connection needs
    /// must be listed by OID; anyExtendedKeyUsage is not enough, since SVIDs must name both usages.
    /// </summary>
    private static (SvidFailureReason Reason, string Message)? CheckExtendedKeyUsage(X509Certificate2 leaf, SvidPeerRole role)
    {
        var eku = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        if (eku is null)
        {
            return null;
        }

        var (required, reason, name) = role == SvidPeerRole.Server
            ? (ServerAuthOid, SvidFailureReason.EkuWithoutServerAuth, "serverAuth")
            : (ClientAuthOid, SvidFailureReason.EkuWithoutClientAuth, "clientAuth");
        foreach (var usage in eku.EnhancedKeyUsages)
        {
            if (string.Equals(usage.Value, required, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return (reason, $"leaf certificate extended key usage does not include {name}");
    }
}
