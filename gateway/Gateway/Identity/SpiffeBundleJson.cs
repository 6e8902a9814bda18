using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Gateway.Identity.Jwt;

namespace Gateway.Identity;

/// <summary>
/// Reads a SPIFFE bundle (Trust Domain and Bundle §4, a JWKS) with the consumer rules: <c>keys</c> must be
/// present; an entry with an unknown <c>use</c> or key type, or an <c>x509-svid</c> entry without
/// <c>x5c</c>, or a <c>jwt-svid</c> entry without <c>kid</c>, is ignored with a note; <c>x509-svid</c>
/// entries contribute their first <c>x5c</c> certificate as an anchor. A document that is not JSON, has
/// duplicate member names, or holds broken key material is refused whole, so a reload keeps the last good set.
/// </summary>
internal static class SpiffeBundleJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>True when the first non-blank character is '{': the file is a SPIFFE bundle, not PEM.</summary>
    public static bool LooksLikeJson(string text) => text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);

    /// <summary>Parses <paramref name="json"/> as the bundle of <paramref name="trustDomain"/>.</summary>
    /// <param name="source">Names the file in messages.</param>
    /// <param name="notes">Receives one line per ignored entry.</param>
    public static TrustDomainBundle Parse(string trustDomain, string json, string source, ICollection<string> notes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"SPIFFE bundle '{source}' is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"SPIFFE bundle '{source}' must be a JSON object with a 'keys' array");
            }

            var anchors = new List<X509Certificate2>();
            var jwtKeys = new List<JwtSigningKey>();
            var index = 0;
            foreach (var entry in keys.EnumerateArray())
            {
                ReadEntry(entry, $"SPIFFE bundle '{source}' key #{index}", anchors, jwtKeys, notes);
                index++;
            }

            return new TrustDomainBundle(trustDomain, anchors, jwtKeys, Sequence(root, source));
        }
    }

    private static void ReadEntry(JsonElement entry, string where, List<X509Certificate2> anchors, List<JwtSigningKey> jwtKeys, ICollection<string> notes)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where} is not a JSON object");
        }

        var use = JwkReader.StringMember(entry, "use", where);
        var kid = JwkReader.StringMember(entry, "kid", where);
        switch (use)
        {
            case "x509-svid":
                if (Anchor(entry, where, notes) is { } anchor)
                {
                    anchors.Add(anchor);
                }

                break;
            case "jwt-svid" when string.IsNullOrEmpty(kid):
                notes.Add($"{where}: a jwt-svid key without 'kid' is ignored");
                break;
            case "jwt-svid":
                if (jwtKeys.Exists(key => string.Equals(key.KeyId, kid, StringComparison.Ordinal)))
                {
                    throw new InvalidDataException($"{where}: key ID '{kid}' appears twice");
                }

                if (JwkReader.Read(entry, kid!, where, notes) is { } key)
                {
                    jwtKeys.Add(key);
                }

                break;
            default:
                notes.Add($"{where}: use '{use}' is not x509-svid or jwt-svid; the key is ignored");
                break;
        }
    }

    private static X509Certificate2? Anchor(JsonElement entry, string where, ICollection<string> notes)
    {
        if (!entry.TryGetProperty("x5c", out var chain) || chain.ValueKind != JsonValueKind.Array || chain.GetArrayLength() == 0)
        {
            notes.Add($"{where}: an x509-svid key without 'x5c' is ignored");
            return null;
        }

        var first = chain[0];
        try
        {
            var der = Convert.FromBase64String(first.ValueKind == JsonValueKind.String ? first.GetString()! : throw new FormatException("not a string"));
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidDataException($"{where}: 'x5c' does not hold a base64 DER certificate: {ex.Message}", ex);
        }
    }

    private static long? Sequence(JsonElement root, string source)
    {
        if (!root.TryGetProperty("spiffe_sequence", out var sequence))
        {
            return null;
        }

        return sequence.ValueKind == JsonValueKind.Number && sequence.TryGetInt64(out var value)
            ? value
            : throw new InvalidDataException($"SPIFFE bundle '{source}': 'spiffe_sequence' must be an integer");
    }
}
