using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gateway.Credentials.WorkloadApi;
using Gateway.Identity;
using Google.Protobuf;

namespace Gateway.Tests.Credentials.WorkloadApi;

/// <summary>Workload API messages as a SPIRE agent would send them: DER, PKCS#8, bundles keyed by trust domain ID.</summary>
internal static class WorkloadApiMessages
{
    /// <summary>One X509SVID entry: the SVID (with its key), its chain after it, and its trust domain's anchors.</summary>
    public static X509SVID Svid(X509Certificate2 svid, IEnumerable<X509Certificate2> bundle, string? hint = null, IEnumerable<X509Certificate2>? intermediates = null, byte[]? key = null) => new()
    {
        SpiffeId = IdOf(svid),
        X509Svid = Der([svid, .. intermediates ?? []]),
        X509SvidKey = ByteString.CopyFrom(key ?? Pkcs8(svid)),
        Bundle = Der(bundle),
        Hint = hint ?? string.Empty,
    };

    /// <summary>A whole X.509 state: the SVIDs, and the federated trust domains' anchors.</summary>
    public static X509SVIDResponse Response(IEnumerable<X509SVID> svids, IReadOnlyDictionary<string, X509Certificate2[]>? federated = null)
    {
        var response = new X509SVIDResponse();
        response.Svids.Add(svids);
        foreach (var (trustDomain, anchors) in federated ?? new Dictionary<string, X509Certificate2[]>())
        {
            response.FederatedBundles[$"spiffe://{trustDomain}"] = Der(anchors);
        }

        return response;
    }

    /// <summary>The usual case: one SVID of <paramref name="ca"/>'s domain.</summary>
    public static X509SVIDResponse Response(X509Certificate2 svid, X509Certificate2 ca, IReadOnlyDictionary<string, X509Certificate2[]>? federated = null) =>
        Response([Svid(svid, [ca])], federated);

    /// <summary>JWT bundles as SPIRE sends them: a standard JWKS per trust domain, keys without <c>use</c>.</summary>
    public static JWTBundlesResponse JwtBundles(IReadOnlyDictionary<string, (string Kid, ECDsa Key)[]> keysByTrustDomain)
    {
        var response = new JWTBundlesResponse();
        foreach (var (trustDomain, keys) in keysByTrustDomain)
        {
            var jwks = string.Join(",", keys.Select(k =>
            {
                var p = k.Key.ExportParameters(false);
                return $$"""{"kty":"EC","kid":"{{k.Kid}}","crv":"P-256","x":"{{System.Buffers.Text.Base64Url.EncodeToString(p.Q.X)}}","y":"{{System.Buffers.Text.Base64Url.EncodeToString(p.Q.Y)}}"}""";
            }));
            response.Bundles[$"spiffe://{trustDomain}"] = ByteString.CopyFromUtf8($$"""{"keys":[{{jwks}}]}""");
        }

        return response;
    }

    public static ByteString Der(IEnumerable<X509Certificate2> certificates) =>
        ByteString.CopyFrom([.. certificates.SelectMany(certificate => certificate.RawData)]);

    public static byte[] Pkcs8(X509Certificate2 svid)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)svid.GetECDsaPrivateKey() ?? svid.GetRSAPrivateKey()!;
        return key.ExportPkcs8PrivateKey();
    }

    public static string IdOf(X509Certificate2 svid) => UriSanReader.TryRead(svid, out _)![0];
}
