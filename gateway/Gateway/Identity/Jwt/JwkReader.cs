using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Gateway.Identity.Jwt;

/// <summary>
/// Reads the public key of a <c>use: jwt-svid</c> JWK (RFC 7518 §6): EC on P-256/P-384/P-521, or RSA.
/// A key type or curve the gateway does not support yields null and a note (SPIFFE bundle consumers
/// ignore such entries); a supported key with broken material is an <see cref="InvalidDataException"/>.
/// </summary>
internal static class JwkReader
{
    private static readonly Dictionary<string, (ECCurve Curve, int CoordinateBytes)> Curves = new(StringComparer.Ordinal)
    {
        ["P-256"] = (ECCurve.NamedCurves.nistP256, 32),
        ["P-384"] = (ECCurve.NamedCurves.nistP384, 48),
        ["P-521"] = (ECCurve.NamedCurves.nistP521, 66),
    };

    /// <summary>Reads <paramref name="jwk"/>; <paramref name="where"/> names it in messages.</summary>
    public static JwtSigningKey? Read(JsonElement jwk, string keyId, string where, ICollection<string> notes)
    {
        var kty = StringMember(jwk, "kty", where);
        switch (kty)
        {
            case "EC":
                var crv = StringMember(jwk, "crv", where);
                if (crv is null || !Curves.TryGetValue(crv, out var curve))
                {
                    notes.Add($"{where}: EC curve '{crv}' is not supported; the key is ignored");
                    return null;
                }

                var point = new ECPoint
                {
                    X = Coordinate(jwk, "x", curve.CoordinateBytes, where),
                    Y = Coordinate(jwk, "y", curve.CoordinateBytes, where),
                };
                var parameters = new ECParameters { Curve = curve.Curve, Q = point };
                CheckUsable(() => { using var key = ECDsa.Create(parameters); }, where);
                return JwtSigningKey.ForEc(keyId, crv, parameters);
            case "RSA":
                var rsa = new RSAParameters { Modulus = Bytes(jwk, "n", where), Exponent = Bytes(jwk, "e", where) };
                if (rsa.Modulus.Length * 8 < 2048)
                {
                    notes.Add($"{where}: RSA keys shorter than 2048 bits are not accepted; the key is ignored");
                    return null;
                }

                CheckUsable(() => { using var key = RSA.Create(rsa); }, where);
                return JwtSigningKey.ForRsa(keyId, rsa);
            default:
                notes.Add($"{where}: key type '{kty}' is not supported for JWT-SVIDs; the key is ignored");
                return null;
        }
    }

    private static void CheckUsable(Action create, string where)
    {
        try
        {
            create();
        }
        catch (CryptographicException ex)
        {
            throw new InvalidDataException($"{where}: the key is not a valid public key: {ex.Message}", ex);
        }
    }

    private static byte[] Coordinate(JsonElement jwk, string name, int length, string where)
    {
        var bytes = Bytes(jwk, name, where);
        return bytes.Length == length
            ? bytes
            : throw new InvalidDataException($"{where}: '{name}' must be {length} bytes, found {bytes.Length}");
    }

    private static byte[] Bytes(JsonElement jwk, string name, string where)
    {
        var text = StringMember(jwk, name, where) ?? throw new InvalidDataException($"{where}: '{name}' is missing");
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            return bytes.Length > 0 ? bytes : throw new InvalidDataException($"{where}: '{name}' is empty");
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{where}: '{name}' is not base64url");
        }
    }

    /// <summary>A string member, null when absent; any other JSON type is an error.</summary>
    internal static string? StringMember(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidDataException($"{where}: '{name}' must be a string");
    }
}
