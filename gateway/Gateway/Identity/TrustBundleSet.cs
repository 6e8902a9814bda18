using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Identity.Jwt;

namespace Gateway.Identity;

/// <summary>
/// The X.509 anchors and JWT keys of each trust domain, kept apart: an SVID is only ever checked against
/// the bundle of the trust domain its own SPIFFE ID names (bundles are never pooled). Immutable.
/// </summary>
internal sealed class TrustBundleSet
{
    private readonly FrozenDictionary<string, X509Certificate2Collection> anchorsByTrustDomain;
    private readonly FrozenDictionary<string, IReadOnlyList<JwtSigningKey>> jwtKeysByTrustDomain;

    private TrustBundleSet(
        FrozenDictionary<string, X509Certificate2Collection> anchorsByTrustDomain,
        FrozenDictionary<string, IReadOnlyList<JwtSigningKey>> jwtKeysByTrustDomain)
    {
        this.anchorsByTrustDomain = anchorsByTrustDomain;
        this.jwtKeysByTrustDomain = jwtKeysByTrustDomain;
    }

    /// <summary>A set that trusts nothing.</summary>
    public static TrustBundleSet Empty { get; } = new(
        FrozenDictionary<string, X509Certificate2Collection>.Empty, FrozenDictionary<string, IReadOnlyList<JwtSigningKey>>.Empty);

    /// <summary>The trust domains that have a bundle, in ordinal order.</summary>
    public IReadOnlyList<string> TrustDomains => [.. anchorsByTrustDomain.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Builds a set from certificates in memory. Each trust domain may appear once; an empty list is kept
    /// (the domain is known but trusts nothing).
    /// </summary>
    public static TrustBundleSet FromCertificates(IEnumerable<KeyValuePair<string, IEnumerable<X509Certificate2>>> bundles) =>
        FromBundles(bundles.Select(pair => new TrustDomainBundle(pair.Key, [.. pair.Value])));

    /// <summary>
    /// Builds a set from whole bundles. Each trust domain may appear once; a bundle without
    /// <see cref="TrustDomainBundle.JwtAuthorities"/> gives the domain no JWT keys.
    /// </summary>
    public static TrustBundleSet FromBundles(IEnumerable<TrustDomainBundle> bundles)
    {
        var anchors = new Dictionary<string, X509Certificate2Collection>(StringComparer.Ordinal);
        var jwtKeys = new Dictionary<string, IReadOnlyList<JwtSigningKey>>(StringComparer.Ordinal);
        foreach (var bundle in bundles)
        {
            CheckTrustDomain(bundle.TrustDomain, source: null);
            if (!anchors.TryAdd(bundle.TrustDomain, Deduplicate(bundle.X509Authorities)))
            {
                throw new ArgumentException($"Trust domain '{bundle.TrustDomain}' has more than one bundle.", nameof(bundles));
            }

            if (bundle.JwtAuthorities is not null)
            {
                jwtKeys[bundle.TrustDomain] = [.. bundle.JwtAuthorities];
            }
        }

        return new TrustBundleSet(anchors.ToFrozenDictionary(StringComparer.Ordinal), jwtKeys.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Convenience for one trust domain.</summary>
    public static TrustBundleSet FromCertificates(string trustDomain, params X509Certificate2[] anchors) =>
        FromCertificates([new KeyValuePair<string, IEnumerable<X509Certificate2>>(trustDomain, anchors)]);

    /// <summary>
    /// Reads one bundle file per trust domain: a SPIFFE bundle (JWKS, the content starts with '{', see
    /// <see cref="SpiffeBundleJson"/>) or PEM (concatenated <c>CERTIFICATE</c> blocks, other block types
    /// skipped, an empty file = no anchors, no JWT keys). Throws <see cref="FileNotFoundException"/> or
    /// <see cref="InvalidDataException"/> with a message naming the file; a trust domain given twice or an
    /// invalid trust domain name is an <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="files">Trust domain and file, as the operator bound them.</param>
    /// <param name="notes">Receives a line per ignored SPIFFE bundle entry; null to drop them.</param>
    public static TrustBundleSet Load(IEnumerable<(string TrustDomain, string PemPath)> files, ICollection<string>? notes = null)
    {
        var bundles = new List<TrustDomainBundle>();
        foreach (var (trustDomain, path) in files)
        {
            CheckTrustDomain(trustDomain, path);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Trust bundle file '{path}' does not exist.", path);
            }

            var text = File.ReadAllText(path);
            bundles.Add(SpiffeBundleJson.LooksLikeJson(text)
                ? SpiffeBundleJson.Parse(trustDomain, text, path, notes ?? [])
                : new TrustDomainBundle(trustDomain, ParsePem(text, path, "Trust bundle file")));
        }

        return FromBundles(bundles);
    }

    /// <summary>
    /// The JWT keys of <paramref name="trustDomain"/> (ordinal lookup); false when that domain has no JWT
    /// bundle (no bundle at all, or only a PEM file).
    /// </summary>
    public bool TryGetJwtKeys(string trustDomain, out IReadOnlyList<JwtSigningKey> keys)
    {
        if (jwtKeysByTrustDomain.TryGetValue(trustDomain, out var found))
        {
            keys = found;
            return true;
        }

        keys = [];
        return false;
    }

    /// <summary>The anchors of <paramref name="trustDomain"/> (ordinal lookup); false when it has no bundle.</summary>
    public bool TryGetAnchors(string trustDomain, out X509Certificate2Collection anchors)
    {
        if (anchorsByTrustDomain.TryGetValue(trustDomain, out var found))
        {
            // A copy, so callers cannot change what the set trusts.
            anchors = [.. found];
            return true;
        }

        anchors = [];
        return false;
    }

    /// <summary>Reads every CERTIFICATE block of a PEM file, as go-spiffe's <c>x509bundle.Parse</c> does.</summary>
    /// <param name="pemPath">The file to read.</param>
    /// <param name="fileKind">How errors name the file, e.g. "Trust bundle file".</param>
    internal static List<X509Certificate2> ReadPemBundle(string pemPath, string fileKind = "Trust bundle file")
    {
        if (!File.Exists(pemPath))
        {
            throw new FileNotFoundException($"{fileKind} '{pemPath}' does not exist.", pemPath);
        }

        return ParsePem(File.ReadAllText(pemPath), pemPath, fileKind);
    }

    private static List<X509Certificate2> ParsePem(string text, string pemPath, string fileKind)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var certificates = new List<X509Certificate2>();
        var sawPem = false;
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            sawPem = true;
            if (rest[fields.Label] is "CERTIFICATE")
            {
                certificates.Add(DecodeCertificate(fileKind, pemPath, rest[fields.Base64Data].ToString(), certificates.Count));
            }

            rest = rest[fields.Location.End..];
        }

        if (!sawPem)
        {
            throw new InvalidDataException($"{fileKind} '{pemPath}' contains no PEM blocks.");
        }

        return certificates;
    }

    private static X509Certificate2 DecodeCertificate(string fileKind, string pemPath, string base64, int index)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));
        }
        catch (CryptographicException ex)
        {
            throw new InvalidDataException(
                $"{fileKind} '{pemPath}': certificate #{index + 1} cannot be parsed: {ex.Message}", ex);
        }
    }

    private static X509Certificate2Collection Deduplicate(IEnumerable<X509Certificate2> certificates)
    {
        var collection = new X509Certificate2Collection();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var certificate in certificates)
        {
            if (seen.Add(Convert.ToHexString(certificate.RawData)))
            {
                collection.Add(certificate);
            }
        }

        return collection;
    }

    private static void CheckTrustDomain(string trustDomain, string? source)
    {
        if (!SpiffeId.TryParse(SpiffeIdSyntax.SchemePrefix + trustDomain, out var id, out var error) || !id.IsRoot)
        {
            var where = source is null ? string.Empty : $" (bundle file '{source}')";
            var why = error.Length > 0 ? error : "it contains '/'";
            throw new ArgumentException($"'{trustDomain}' is not a valid trust domain{where}: {why}.");
        }
    }
}
