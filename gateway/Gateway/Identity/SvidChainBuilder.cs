using System.Security.Cryptography.X509Certificates;

namespace Gateway.Identity;

/// <summary>RFC 5280 path validation of a leaf against one trust domain's anchors, closed to the outside world.</summary>
internal static class SvidChainBuilder
{
    /// <summary>Returns null when a chain to one of <paramref name="anchors"/> exists, otherwise the chain status text.</summary>
    public static string? Verify(
        X509Certificate2 leaf,
        IEnumerable<X509Certificate2> peerIntermediates,
        X509Certificate2Collection anchors,
        DateTimeOffset now)
    {
        if (anchors.Count == 0)
        {
            // An empty bundle means the trust domain currently trusts nothing (SPIFFE bundle §4.1.3).
            return "certificate signed by unknown authority: the trust domain's bundle is empty";
        }

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(anchors);
        policy.ExtraStore.AddRange(peerIntermediates.ToArray());
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.LocalDateTime;
        policy.VerificationTimeIgnored = false;
        policy.VerificationFlags = X509VerificationFlags.NoFlag;

        if (chain.Build(leaf))
        {
            return null;
        }

        var statuses = chain.ChainStatus
            .Where(status => status.Status != X509ChainStatusFlags.NoError)
            .Select(status => $"{status.Status}: {status.StatusInformation.Trim()}")
            .Distinct(StringComparer.Ordinal);
        return "certificate chain does not verify against the trust domain's bundle: " + string.Join("; ", statuses);
    }
}
