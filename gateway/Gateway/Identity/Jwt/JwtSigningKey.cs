using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Gateway.Identity.Jwt;

/// <summary>
/// A public key from a trust domain's JWT bundle (a <c>use: jwt-svid</c> JWK). Importing a key into an
/// RSA/ECDsa object costs far more than a verification, so imported objects are kept in a small pool per
/// key and reused; each is used by one verification at a time (instances are not thread-safe).
/// </summary>
internal sealed class JwtSigningKey
{
    private readonly ECParameters? ec;
    private readonly RSAParameters? rsa;
    private readonly ConcurrentBag<AsymmetricAlgorithm> _imported = [];

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

        var key = _imported.TryTake(out var pooled) ? pooled : Import();
        try
        {
            if (key is ECDsa ecdsa)
            {
                return ecdsa.VerifyData(signingInput, signature, algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }

            var padding = algorithm.Family == JwsAlgorithmFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            return ((RSA)key).VerifyData(signingInput, signature, algorithm.Hash, padding);
        }
        finally
        {
            _imported.Add(key);
        }
    }

    private AsymmetricAlgorithm Import() => ec is { } parameters ? ECDsa.Create(parameters) : RSA.Create(rsa!.Value);

    private static string RequireKeyId(string keyId) =>
        string.IsNullOrEmpty(keyId) ? throw new ArgumentException("A JWT bundle key needs a key ID (kid).", nameof(keyId)) : keyId;
}
