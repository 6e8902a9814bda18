using System.Text.Json;

namespace Gateway.Identity.Jwt;

/// <summary>
/// The registered claims a JWT-SVID validator needs, read from the payload without judging them:
/// <c>sub</c>, <c>aud</c> (string or array of strings), <c>exp</c> and <c>nbf</c> (NumericDate).
/// </summary>
internal sealed record JwtSvidClaims(string? Subject, IReadOnlyList<string> Audiences, DateTimeOffset? ExpiresAt, DateTimeOffset? NotBefore)
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>Reads the claims; null with <paramref name="error"/> when a claim has the wrong JSON type.</summary>
    public static JwtSvidClaims? TryRead(byte[] payload, out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(payload, Strict);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "token claims are not a JSON object";
                return null;
            }

            error = string.Empty;
            return new JwtSvidClaims(
                root.TryGetProperty("sub", out var sub) ? sub.GetString() : null,
                ReadAudiences(root),
                NumericDate(root, "exp"),
                NumericDate(root, "nbf"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            error = $"token claims are malformed: {ex.Message}";
            return null;
        }
    }

    private static List<string> ReadAudiences(JsonElement root)
    {
        if (!root.TryGetProperty("aud", out var aud))
        {
            return [];
        }

        return aud.ValueKind == JsonValueKind.Array
            ? [.. aud.EnumerateArray().Select(value => value.GetString() ?? throw new FormatException("'aud' holds null"))]
            : [aud.GetString() ?? throw new FormatException("'aud' is null")];
    }

    private static DateTimeOffset? NumericDate(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException($"'{name}' is not a number");
        }

        // NumericDate may carry a fraction (RFC 7519 §2); whole milliseconds are precise enough.
        return DateTimeOffset.FromUnixTimeMilliseconds(checked((long)(value.GetDouble() * 1000)));
    }
}
