using System.Text;
using System.Text.Json;
using Gateway.Identity.Jwt;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Reads a <c>JWTBundlesResponse</c>: per trust domain, a JWKS whose keys verify that domain's JWT-SVIDs.
/// SPIRE sends a standard JWKS there, without <c>use</c> members, so a key without <c>use</c> counts as a
/// JWT authority; one with another <c>use</c> than <c>jwt-svid</c> is ignored, as is a key without
/// <c>kid</c> or of a type the gateway does not support (each with a note). Broken JSON, a missing
/// <c>keys</c> array or a <c>kid</c> used twice refuses the whole message.
/// </summary>
internal static class WorkloadJwtBundles
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static Dictionary<string, IReadOnlyList<JwtSigningKey>> Read(JWTBundlesResponse response, ICollection<string> notes)
    {
        var keysByTrustDomain = new Dictionary<string, IReadOnlyList<JwtSigningKey>>(StringComparer.Ordinal);
        foreach (var (key, jwks) in response.Bundles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!WorkloadTrustDomain.TryParse(key, out var trustDomain))
            {
                notes.Add($"JWT bundle keyed '{key}' is ignored: the key is not a trust domain ID");
                continue;
            }

            if (!keysByTrustDomain.TryAdd(trustDomain, ReadJwks(trustDomain, jwks.ToStringUtf8(), notes)))
            {
                throw new InvalidDataException($"the JWT bundles name trust domain '{trustDomain}' twice");
            }
        }

        return keysByTrustDomain;
    }

    private static List<JwtSigningKey> ReadJwks(string trustDomain, string json, ICollection<string> notes)
    {
        var where = $"the JWT bundle of '{trustDomain}'";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{where} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var entries)
                || entries.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{where} must be a JSON object with a 'keys' array");
            }

            var keys = new List<JwtSigningKey>();
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var entryWhere = $"{where} key #{index++}";
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{entryWhere} is not a JSON object");
                }

                var use = JwkReader.StringMember(entry, "use", entryWhere);
                var kid = JwkReader.StringMember(entry, "kid", entryWhere);
                if (use is not null && !string.Equals(use, "jwt-svid", StringComparison.Ordinal))
                {
                    notes.Add($"{entryWhere}: use '{use}' is not jwt-svid; the key is ignored");
                }
                else if (string.IsNullOrEmpty(kid))
                {
                    notes.Add($"{entryWhere}: a key without 'kid' is ignored");
                }
                else if (keys.Exists(existing => string.Equals(existing.KeyId, kid, StringComparison.Ordinal)))
                {
                    throw new InvalidDataException($"{entryWhere}: key ID '{kid}' appears twice");
                }
                else if (JwkReader.Read(entry, kid, entryWhere, notes) is { } jwtKey)
                {
                    keys.Add(jwtKey);
                }
            }

            return keys;
        }
    }
}
