using Microsoft.Extensions.Primitives;

namespace Gateway.Authentication;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750 §2.1); the scheme name is case-insensitive.</summary>
internal static class BearerToken
{
    /// <summary>
    /// False when the request carries no bearer credentials at all. True otherwise, with either the token or,
    /// for a header that cannot be used (several Authorization headers, an empty token), a problem.
    /// </summary>
    public static bool TryRead(StringValues authorization, out string token, out string? problem)
    {
        token = string.Empty;
        problem = null;
        var bearers = authorization.Where(value => value is not null && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)).ToList();
        if (bearers.Count == 0)
        {
            return false;
        }

        if (authorization.Count > 1)
        {
            problem = "more than one Authorization header";
            return true;
        }

        token = bearers[0]!["Bearer ".Length..].Trim();
        if (token.Length == 0)
        {
            problem = "the bearer token is empty";
        }

        return true;
    }
}
