using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Gateway.Certificates;
using Gateway.Identity;

namespace Gateway.Credentials;

/// <summary>
/// One consistent set of the gateway's credentials: its own X509-SVID with key and intermediates, and
/// the trust bundles of every trust domain it accepts. Immutable; a new set replaces the old one whole.
/// </summary>
internal sealed class GatewayCredentials
{
    /// <summary>What <see cref="Source"/> says for credentials read from files.</summary>
    public const string FileSource = "files";

    private GatewayCredentials(X509Certificate2 svid, X509Certificate2Collection intermediates, SpiffeId id, TrustBundleSet bundles, IReadOnlyList<string> notices, string source, string sourceFingerprint)
    {
        Source = source;
        SourceFingerprint = sourceFingerprint;
        Notices = notices;
        Svid = svid;
        Intermediates = intermediates;
        Id = id;
        Bundles = bundles;
        ServerContext = SslStreamCertificateContext.Create(svid, intermediates, offline: true);
    }

    /// <summary>The gateway's own certificate, with its private key.</summary>
    public X509Certificate2 Svid { get; }

    /// <summary>Certificates sent after <see cref="Svid"/> so peers can build the chain.</summary>
    public X509Certificate2Collection Intermediates { get; }

    /// <summary>The gateway's own SPIFFE ID.</summary>
    public SpiffeId Id { get; }

    /// <summary>Anchors per trust domain.</summary>
    public TrustBundleSet Bundles { get; }

    /// <summary>Bundle entries that were ignored while loading (unknown key types and the like), one line each.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>Where the set came from: <see cref="FileSource"/>, or <c>workload-api</c> and the endpoint.</summary>
    public string Source { get; }

    /// <summary>
    /// Files: <see cref="CredentialFingerprint"/> of the files taken just before they were read (if they
    /// changed while being read, the next poll sees a difference and loads them again). Workload API: a
    /// digest of the certificates and bundles the agent sent, so an unchanged message is recognised.
    /// </summary>
    public string SourceFingerprint { get; }

    /// <summary>What Kestrel presents in a handshake.</summary>
    public SslStreamCertificateContext ServerContext { get; }

    /// <summary>Loads the files the options name, or throws <see cref="InvalidOperationException"/> saying which one is wrong and how.</summary>
    public static GatewayCredentials Load(ICredentialSettings options)
    {
        if (string.IsNullOrEmpty(options.SvidCert) || string.IsNullOrEmpty(options.SvidKey))
        {
            throw new InvalidOperationException(
                "the gateway needs its own X509-SVID: pass --svid-cert FILE and --svid-key FILE (or Gateway:SvidCert / Gateway:SvidKey), or run with --dev");
        }

        if (options.TrustBundles.Count == 0)
        {
            throw new InvalidOperationException(
                "no trust bundle is configured, so no caller could be authenticated: pass --trust-bundle <trust-domain>=<file> (PEM or SPIFFE bundle JSON) (or Gateway:TrustBundles), or run with --dev");
        }

        var fingerprint = CredentialFingerprint.Take(options);
        X509Certificate2 svid;
        X509Certificate2Collection chain;
        try
        {
            svid = SvidFiles.Load(options.SvidCert, options.SvidKey);
            chain = SvidFiles.LoadChain(options.SvidCert);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidDataException or ArgumentException)
        {
            throw new InvalidOperationException($"cannot load the gateway's SVID from '{options.SvidCert}' and '{options.SvidKey}': {ex.Message}", ex);
        }

        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in chain)
        {
            if (!certificate.RawDataMemory.Span.SequenceEqual(svid.RawDataMemory.Span))
            {
                intermediates.Add(certificate);
            }
        }

        TrustBundleSet bundles;
        var notices = new List<string>();
        try
        {
            bundles = TrustBundleSet.Load(options.TrustBundles.Select(pair => (pair.Key, pair.Value)), notices);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Security.Cryptography.CryptographicException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"cannot load the trust bundles: {ex.Message}", ex);
        }

        return Create(svid, intermediates, bundles, notices, FileSource, fingerprint, DateTimeOffset.UtcNow, $"'{options.SvidCert}'");
    }

    /// <summary>
    /// A set from credentials already in memory, checked as <see cref="Load"/> checks files: the SVID (which
    /// must carry its private key) must be a valid X509-SVID against the bundle of its own trust domain in
    /// <paramref name="bundles"/> at <paramref name="now"/>. Throws <see cref="InvalidOperationException"/>
    /// saying why not.
    /// </summary>
    /// <param name="svidName">Names the SVID in the error, such as its file.</param>
    public static GatewayCredentials Create(
        X509Certificate2 svid,
        X509Certificate2Collection intermediates,
        TrustBundleSet bundles,
        IReadOnlyList<string> notices,
        string source,
        string sourceFingerprint,
        DateTimeOffset now,
        string svidName)
    {
        var result = X509SvidValidator.Validate(svid, intermediates, bundles, now, SvidPeerRole.Server);
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"the gateway's own SVID {svidName} is not valid against its trust bundle: {result.Message}");
        }

        return new GatewayCredentials(svid, intermediates, result.SpiffeId!, bundles, notices, source, sourceFingerprint);
    }
}
