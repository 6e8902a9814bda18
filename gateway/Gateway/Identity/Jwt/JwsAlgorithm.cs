using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Gateway.Identity.Jwt;

/// <summary>
/// One of the nine JWS algorithms JWT-SVID allows (JWT-SVID §3): RSASSA-PKCS1-v1_5, RSASSA-PSS or ECDSA
/// with SHA-256/384/512. Everything else (<c>none</c>, HS*, EdDSA, ...) has no entry and is refused.
/// </summary>
/// <param name="Name">The <c>alg</c> header value, case-sensitive.</param>
/// <param name="Hash">The digest the signature covers.</param>
/// <param name="Family">Which key type and padding verify it.</param>
/// <param name="Curve">For ECDSA, the JWK <c>crv</c> the key must have (ES256 needs P-256, and so on).</param>
internal sealed record JwsAlgorithm(string Name, HashAlgorithmName Hash, JwsAlgorithmFamily Family, string? Curve)
{
    private static readonly Dictionary<string, JwsAlgorithm> Allowed = new(StringComparer.Ordinal)
    {
        ["RS256"] = new("RS256", HashAlgorithmName.SHA256, JwsAlgorithmFamily.RsaPkcs1, null),
        ["RS384"] = new("RS384", HashAlgorithmName.SHA384, JwsAlgorithmFamily.RsaPkcs1, null),
        ["RS512"] = new("RS512", HashAlgorithmName.SHA512, JwsAlgorithmFamily.RsaPkcs1, null),
        ["PS256"] = new("PS256", HashAlgorithmName.SHA256, JwsAlgorithmFamily.RsaPss, null),
        ["PS384"] = new("PS384", HashAlgorithmName.SHA384, JwsAlgorithmFamily.RsaPss, null),
        ["PS512"] = new("PS512", HashAlgorithmName.SHA512, JwsAlgorithmFamily.RsaPss, null),
        ["ES256"] = new("ES256", HashAlgorithmName.SHA256, JwsAlgorithmFamily.Ecdsa, "P-256"),
        ["ES384"] = new("ES384", HashAlgorithmName.SHA384, JwsAlgorithmFamily.Ecdsa, "P-384"),
        ["ES512"] = new("ES512", HashAlgorithmName.SHA512, JwsAlgorithmFamily.Ecdsa, "P-521"),
    };

    /// <summary>Looks up an allowed algorithm by its exact <c>alg</c> name.</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out JwsAlgorithm? algorithm)
    {
        algorithm = null;
        return name is not null && Allowed.TryGetValue(name, out algorithm);
    }
}
