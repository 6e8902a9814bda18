using System.Security.Cryptography;

namespace Gateway.Identity.Jwt;

/// <summary>
/// A public key from a trust domain's JWT bundle (a <c>use: jwt-svid</c> JWK), kept as plain parameters
/// so the set stays immutable and shareable; a fresh RSA/ECDsa object is made per verification.
/// </summary>
internal sealed class JwtSigningKey
{
    private readonly ECParameters? ec;
    private readonly RSAParameters? rsa;

    private JwtSigningKey(string keyId, string? curve, ECParameters? ec, RSAParameters? rsa)
    {
        KeyId = keyId;
        Curve = curve;
        this.ec = ec;
        this.rsa = rsa;
    }

    /// <summary>The JWK <c>kid</c>; never empty.</summary>
    public string KeyId { get; }

    /// <summary>The JWK <c>crv</c> (<c>P-256</c>, <c>P-384</c>, <c>P-521</c>) of an EC key; null for RSA.</summary>
    public string? Curve { get; }

    /// <summary>True for an RSA key.</summary>
    public bool IsRsa => rsa is not null;

    /// <summary>An EC public key on a named NIST curve.</summary>
    public static JwtSigningKey ForEc(string keyId, string curve, ECParameters parameters) =>
        new(RequireKeyId(keyId), curve, parameters, null);

    /// <summary>An RSA public key.</summary>
    public static JwtSigningKey ForRsa(string keyId, RSAParameters parameters) =>
        new(RequireKeyId(keyId), null, null, new RSAParameters { Modulus = parameters.Modulus, Exponent = parameters.Exponent });

    /// <summary>Whether <paramref name="algorithm"/> can be verified with this key (family and curve).</summary>
    public bool Fits(JwsAlgorithm algorithm) => algorithm.Family switch
    {
        JwsAlgorithmFamily.Ecdsa => ec is not null && string.Equals(Curve, algorithm.Curve, StringComparison.Ordinal),
        _ => rsa is not null,
    };

    /// <summary>Verifies a JWS signature over <paramref name="signingInput"/>; false when the key does not fit.</summary>
    public bool Verify(JwsAlgorithm algorithm, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        if (!Fits(algorithm))
        {
            return false;
        }

        if (algorithm.Family == JwsAlgorithmFamily.Ecdsa)
        {
            using var key = ECDsa.Create(ec!.Value);
            return key.VerifyData(signingInput, signature, algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        using var rsaKey = RSA.Create(rsa!.Value);
        var padding = algorithm.Family == JwsAlgorithmFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return rsaKey.VerifyData(signingInput, signature, algorithm.Hash, padding);
    }

    private static string RequireKeyId(string keyId) =>
        string.IsNullOrEmpty(keyId) ? throw new ArgumentException("A JWT bundle key needs a key ID (kid).", nameof(keyId)) : keyId;
}
