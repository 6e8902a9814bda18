using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Gateway.Identity.Jwt;

/// <summary>
/// A JWS in compact serialization (RFC 7515 §7.1), split and decoded but not verified: three base64url
/// parts, a JSON object header and the raw payload. JSON serialization and JWE (five parts) are refused,
/// as JWT-SVID §3 allows compact JWS only.
/// </summary>
internal sealed class JwsCompactToken
{
    /// <summary>Tokens longer than this are refused before any decoding, to bound the work per request.</summary>
    public const int MaxLength = 16 * 1024;

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 8 };

    private JwsCompactToken(string algorithm, string? keyId, string? type, IReadOnlyList<string> headerNames, byte[] payload, byte[] signingInput, byte[] signature)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        Type = type;
        HeaderNames = headerNames;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    /// <summary>The header's <c>alg</c>, exactly as written.</summary>
    public string Algorithm { get; }

    /// <summary>The header's <c>kid</c>, or null.</summary>
    public string? KeyId { get; }

    /// <summary>The header's <c>typ</c>, or null.</summary>
    public string? Type { get; }

    /// <summary>Every header member name, in order.</summary>
    public IReadOnlyList<string> HeaderNames { get; }

    /// <summary>The decoded payload (the claims JSON).</summary>
    public byte[] Payload { get; }

    /// <summary>ASCII of <c>header '.' payload</c> as sent: what the signature covers.</summary>
    public byte[] SigningInput { get; }

    /// <summary>The decoded signature.</summary>
    public byte[] Signature { get; }

    /// <summary>Splits and decodes <paramref name="token"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out JwsCompactToken? parsed, out string error)
    {
        parsed = null;
        if (token.Length > MaxLength)
        {
            error = $"token is longer than {MaxLength} characters";
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            error = parts.Length == 5 ? "encrypted tokens (JWE) are not JWT-SVIDs" : "token is not a compact JWS (header.payload.signature)";
            return false;
        }

        if (!TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature) || signature.Length == 0)
        {
            error = "token parts are not base64url";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(header, Strict);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "token header is not a JSON object";
                return false;
            }

            var names = root.EnumerateObject().Select(member => member.Name).ToList();
            var algorithm = Member(root, "alg");
            if (algorithm is null)
            {
                error = "token header has no 'alg'";
                return false;
            }

            var signingInput = Encoding.ASCII.GetBytes(token[..(parts[0].Length + 1 + parts[1].Length)]);
            parsed = new JwsCompactToken(algorithm, Member(root, "kid"), Member(root, "typ"), names, payload, signingInput, signature);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = $"token header is not valid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>A string member or null; a member of another type throws <see cref="InvalidOperationException"/>.</summary>
    private static string? Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];

        // Compact JWS uses unpadded base64url (RFC 7515 §2); padding or an empty part is malformed.
        if (part.Length == 0 || part.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(part);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
