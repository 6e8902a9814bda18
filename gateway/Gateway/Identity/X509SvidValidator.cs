using System.Security.Cryptography.X509Certificates;

namespace Gateway.Identity;

/// <summary>
/// Validates a peer's X509-SVID (the SPIFFE X509-SVID standard, https://github.com/spiffe/spiffe/blob/main/standards/X509-SVID.md): exactly one URI SAN holding a strictly parsed,
/// non-root SPIFFE ID; leaf usage rules; then RFC 5280 path validation against the anchors of that ID's
/// trust domain only, with the peer's own intermediates as untrusted helpers. No OS store, no downloads,
/// no revocation, no clock leeway.
/// </summary>
internal static class X509SvidValidator
{
    /// <summary>Validates <paramref name="leaf"/> with the intermediates the peer sent.</summary>
    /// <param name="leaf">The peer's end-entity certificate.</param>
    /// <param name="peerIntermediates">Certificates the peer sent after its leaf; never used as anchors.</param>
    /// <param name="bundles">Anchors per trust domain.</param>
    /// <param name="now">Verification time for every certificate of the chain.</param>
    /// <param name="role">Client (caller of the gateway) or server (an app the gateway delivers to).</param>
    public static SvidValidationResult Validate(
        X509Certificate2 leaf,
        IEnumerable<X509Certificate2> peerIntermediates,
        TrustBundleSet bundles,
        DateTimeOffset now,
        SvidPeerRole role = SvidPeerRole.Client)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var uris = UriSanReader.TryRead(leaf, out var sanError);
        if (uris is null)
        {
            return SvidValidationResult.Refused(SvidFailureReason.MalformedSubjectAltName, sanError);
        }

        if (uris.Count == 0)
        {
            return SvidValidationResult.Refused(SvidFailureReason.NoUriSan, "certificate contains no URI SAN");
        }

        if (uris.Count > 1)
        {
            return SvidValidationResult.Refused(
                SvidFailureReason.MultipleUriSans, "certificate contains more than one URI SAN");
        }

        if (!SpiffeId.TryParse(uris[0], out var id, out var idError))
        {
            return SvidValidationResult.Refused(
                SvidFailureReason.InvalidSpiffeId,
                $"certificate URI SAN '{uris[0]}' is not a valid SPIFFE ID: {idError}");
        }

        return ValidateWithId(leaf, id, peerIntermediates, bundles, now, role);
    }

    /// <summary>
    /// For Kestrel's <c>ClientCertificateValidation</c> (or an SslStream validation callback): the peer's
    /// intermediates are taken from <paramref name="callbackChain"/>'s ExtraStore; the chain the platform
    /// built against the OS store is ignored.
    /// </summary>
    public static SvidValidationResult Validate(
        X509Certificate2 leaf,
        X509Chain? callbackChain,
        TrustBundleSet bundles,
        DateTimeOffset now,
        SvidPeerRole role = SvidPeerRole.Client)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        // Kestrel's ExtraStore may also hold the leaf itself; it is not an intermediate.
        var intermediates = callbackChain is null
            ? []
            : callbackChain.ChainPolicy.ExtraStore
                .Where(candidate => !candidate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
                .ToList();
        return Validate(leaf, intermediates, bundles, now, role);
    }

    private static SvidValidationResult ValidateWithId(
        X509Certificate2 leaf,
        SpiffeId id,
        IEnumerable<X509Certificate2> peerIntermediates,
        TrustBundleSet bundles,
        DateTimeOffset now,
        SvidPeerRole role)
    {
        if (id.IsRoot)
        {
            return SvidValidationResult.Refused(
                SvidFailureReason.RootIdLeaf, $"leaf certificate SPIFFE ID '{id}' has no path (it names a trust domain)", id);
        }

        if (LeafSvidRules.Check(leaf, role) is var (reason, message))
        {
            return SvidValidationResult.Refused(reason, message, id);
        }

        if (!bundles.TryGetAnchors(id.TrustDomain, out var anchors))
        {
            return SvidValidationResult.Refused(
                SvidFailureReason.UnknownTrustDomain, $"no X.509 bundle found for trust domain: \"{id.TrustDomain}\"", id);
        }

        var utcNow = now.UtcDateTime;
        if (leaf.NotAfter.ToUniversalTime() < utcNow)
        {
            return SvidValidationResult.Refused(
                SvidFailureReason.Expired, $"leaf certificate expired at {leaf.NotAfter.ToUniversalTime():O}", id);
        }

        if (leaf.NotBefore.ToUniversalTime() > utcNow)
        {
            return SvidValidationResult.Refused(
                SvidFailureReason.NotYetValid, $"leaf certificate is not valid before {leaf.NotBefore.ToUniversalTime():O}", id);
        }

        var chainError = SvidChainBuilder.Verify(leaf, peerIntermediates, anchors, now);
        return chainError is null
            ? SvidValidationResult.Accepted(id)
            : SvidValidationResult.Refused(SvidFailureReason.ChainInvalid, chainError, id);
    }
}
