using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Identity;
using Gateway.Identity.Jwt;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Turns what the Workload API streamed into one <see cref="GatewayCredentials"/>, or refuses it whole so
/// that the last good set stays. Each message is the complete state, so the set is built from the latest
/// X.509 message (and the latest JWT bundles when JWT-SVIDs are on) alone: a federated bundle that is no
/// longer in the message is no longer trusted.
/// </summary>
internal static class WorkloadApiCredentials
{
    /// <summary>
    /// Builds the set, or throws <see cref="InvalidDataException"/> saying why the message is discarded:
    /// no SVID (or not the chosen one), an empty certificate, key or bundle, a key that is not the
    /// certificate's, an SVID that is not valid against its own trust domain's bundle, a bundle that cannot
    /// be read. A federated bundle for the gateway's own trust domain is ignored with a note: the own
    /// domain's anchors always come from the SVID's bundle.
    /// </summary>
    /// <param name="jwt">The latest JWT bundles, or null when JWT-SVIDs are off (the set then has no JWT keys).</param>
    public static GatewayCredentials Build(X509SVIDResponse x509, JWTBundlesResponse? jwt, SvidChoice choice, string source, DateTimeOffset now)
    {
        var chosen = choice.Pick(x509.Svids, out var problem) ?? throw new InvalidDataException(problem);
        if (!SpiffeId.TryParse(chosen.SpiffeId, out var id, out var idError))
        {
            throw new InvalidDataException($"the SVID's spiffe_id '{chosen.SpiffeId}' is not a SPIFFE ID: {idError}");
        }

        var what = $"the X509-SVID of {id}";
        if (chosen.X509Svid.IsEmpty || chosen.X509SvidKey.IsEmpty || chosen.Bundle.IsEmpty)
        {
            var empty = chosen.X509Svid.IsEmpty ? "certificate" : chosen.X509SvidKey.IsEmpty ? "private key" : "trust bundle";
            throw new InvalidDataException($"{what} came with an empty {empty}");
        }

        var chain = DerCertificates.Read(chosen.X509Svid.Span, what);
        var leaf = SvidKey.Attach(chain[0], chosen.X509SvidKey.Span, what);
        var intermediates = new X509Certificate2Collection(chain.Skip(1).ToArray());
        var notices = new List<string>();
        var anchors = new Dictionary<string, List<X509Certificate2>>(StringComparer.Ordinal)
        {
            [id.TrustDomain] = DerCertificates.Read(chosen.Bundle.Span, $"the bundle of {id.TrustDomain}"),
        };
        foreach (var (key, der) in x509.FederatedBundles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!WorkloadTrustDomain.TryParse(key, out var trustDomain))
            {
                notices.Add($"federated bundle keyed '{key}' is ignored: the key is not a trust domain ID");
            }
            else if (string.Equals(trustDomain, id.TrustDomain, StringComparison.Ordinal))
            {
                notices.Add($"federated bundle for '{trustDomain}' is ignored: it claims the gateway's own trust domain, whose anchors come only with the SVID");
            }
            else if (!anchors.TryAdd(trustDomain, DerCertificates.Read(der.Span, $"the federated bundle of {trustDomain}")))
            {
                throw new InvalidDataException($"the federated bundles name trust domain '{trustDomain}' twice");
            }
        }

        var jwtKeys = jwt is null ? new Dictionary<string, IReadOnlyList<JwtSigningKey>>(StringComparer.Ordinal) : WorkloadJwtBundles.Read(jwt, notices);
        var bundles = TrustBundleSet.FromBundles(anchors.Keys.Union(jwtKeys.Keys, StringComparer.Ordinal).Select(trustDomain => new TrustDomainBundle(
            trustDomain,
            anchors.GetValueOrDefault(trustDomain) ?? [],
            jwtKeys.GetValueOrDefault(trustDomain))));

        GatewayCredentials credentials;
        try
        {
            credentials = GatewayCredentials.Create(leaf, intermediates, bundles, notices, source, Fingerprint(chosen, x509, jwt), now, $"for {id}");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        return credentials.Id == id
            ? credentials
            : throw new InvalidDataException($"{what} names {credentials.Id} in its certificate, not {id}");
    }

    /// <summary>A digest of everything that shapes the set except the private key (which the certificate pins).</summary>
    private static string Fingerprint(X509SVID chosen, X509SVIDResponse x509, JWTBundlesResponse? jwt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string label, ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{label}:{bytes.Length}:"));
            hash.AppendData(bytes);
        }

        Add("svid", chosen.X509Svid.Span);
        Add("bundle", chosen.Bundle.Span);
        foreach (var (key, der) in x509.FederatedBundles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Add("federated " + key, der.Span);
        }

        foreach (var (key, jwks) in (jwt?.Bundles ?? []).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Add("jwt " + key, jwks.Span);
        }

        return "workload-api:" + Convert.ToHexString(hash.GetHashAndReset());
    }
}
