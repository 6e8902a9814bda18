using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.Identity;
using Gateway.Identity.Jwt;

namespace Gateway.Tests.Identity.Jwt;

/// <summary>Keys and hand-signed compact JWS tokens for JWT-SVID tests; all dated around <see cref="Now"/>.</summary>
internal static class TestJwts
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly ECDsa EcKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public static readonly RSA RsaKey = RSA.Create(2048);
    public static readonly ECDsa OtherDomainKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>example.org trusts <c>ec-1</c> (P-256) and <c>rsa-1</c>; other.org trusts <c>other-1</c>.</summary>
    public static TrustBundleSet Bundles() => TrustBundleSet.FromBundles(
    [
        new TrustDomainBundle("example.org", [], [EcPublic("ec-1", EcKey), RsaPublic("rsa-1", RsaKey)]),
        new TrustDomainBundle("other.org", [], [EcPublic("other-1", OtherDomainKey)]),
        new TrustDomainBundle("pem-only.org", []),
    ]);

    public static JwtSigningKey EcPublic(string kid, ECDsa key) =>
        JwtSigningKey.ForEc(kid, "P-256", key.ExportParameters(includePrivateParameters: false));

    public static JwtSigningKey RsaPublic(string kid, RSA key) => JwtSigningKey.ForRsa(kid, key.ExportParameters(false));

    /// <summary>Default claims of a valid token for example.org's app1, audience "gateway".</summary>
    public static Dictionary<string, object?> Claims() => new()
    {
        ["sub"] = "spiffe://example.org/ns/default/app1",
        ["aud"] = new[] { "gateway" },
        ["exp"] = Now.AddMinutes(5).ToUnixTimeSeconds(),
        ["iat"] = Now.AddMinutes(-1).ToUnixTimeSeconds(),
    };

    public static Dictionary<string, object?> Header(string alg = "ES256", string? kid = "ec-1", string? typ = "JWT")
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        if (typ is not null)
        {
            header["typ"] = typ;
        }

        return header;
    }

    /// <summary>Signs with ES256 (P-256 key) or RS256/PS256 (RSA key) per the header's alg; other algs get a junk signature.</summary>
    public static string Sign(Dictionary<string, object?> header, Dictionary<string, object?> claims, AsymmetricAlgorithm? key = null)
    {
        var signingInput = Encode(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = (header["alg"] as string, key ?? EcKey) switch
        {
            ("ES256", ECDsa ec) => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            ("RS256", RSA rsa) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ("PS256", RSA rsa) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            ("HS256", _) => HMACSHA256.HashData("secret"u8, data),
            _ => [1, 2, 3],
        };
        return signingInput + "." + Encode(signature);
    }

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
