namespace Gateway.Identity.Jwt;

/// <summary>
/// Validates a JWT-SVID bearer token (the SPIFFE JWT-SVID standard, https://github.com/spiffe/spiffe/blob/main/standards/JWT-SVID.md): compact JWS; <c>alg</c> from the allow-list
/// and fitting the key; <c>typ</c> JWT/JOSE when present; no other header members; <c>sub</c> a SPIFFE ID
/// with a path; the key from the JWT bundle of the subject's own trust domain only (by <c>kid</c>, or every
/// fitting key when the token has none); <c>exp</c> required; <c>nbf</c> honoured; <c>aud</c> required and
/// sharing a value with the configured audiences. The signature is checked before any claim is trusted.
/// </summary>
internal static class JwtSvidValidator
{
    /// <summary>The largest clock leeway the gateway allows for <c>exp</c> and <c>nbf</c>.</summary>
    public static readonly TimeSpan MaxLeeway = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> AllowedHeaders = new(StringComparer.Ordinal) { "alg", "kid", "typ" };

    /// <summary>Validates <paramref name="token"/>.</summary>
    /// <param name="token">The compact JWS, without the <c>Bearer </c> prefix.</param>
    /// <param name="bundles">JWT keys per trust domain.</param>
    /// <param name="audiences">What the gateway accepts in <c>aud</c>; must not be empty.</param>
    /// <param name="now">The verification time.</param>
    /// <param name="leeway">Clock skew allowed for <c>exp</c> and <c>nbf</c>; capped at <see cref="MaxLeeway"/>.</param>
    public static JwtSvidValidationResult Validate(string token, TrustBundleSet bundles, IReadOnlyCollection<string> audiences, DateTimeOffset now, TimeSpan leeway)
    {
        ArgumentOutOfRangeException.ThrowIfZero(audiences.Count, nameof(audiences));
        leeway = leeway < TimeSpan.Zero ? TimeSpan.Zero : (leeway > MaxLeeway ? MaxLeeway : leeway);
        if (!JwsCompactToken.TryParse(token, out var jws, out var parseError))
        {
            return Refuse(JwtSvidFailureReason.Malformed, parseError);
        }

        if (!JwsAlgorithm.TryGet(jws.Algorithm, out var algorithm))
        {
            return Refuse(JwtSvidFailureReason.AlgorithmNotAllowed, $"token algorithm '{jws.Algorithm}' is not allowed for JWT-SVIDs");
        }

        if (jws.Type is not (null or "JWT" or "JOSE"))
        {
            return Refuse(JwtSvidFailureReason.WrongType, $"token type '{jws.Type}' is not JWT or JOSE");
        }

        if (jws.HeaderNames.FirstOrDefault(name => !AllowedHeaders.Contains(name)) is { } extra)
        {
            return Refuse(JwtSvidFailureReason.UnexpectedHeader, $"token header '{extra}' is not allowed in a JWT-SVID");
        }

        if (JwtSvidClaims.TryRead(jws.Payload, out var claimsError) is not { } claims)
        {
            return Refuse(JwtSvidFailureReason.Malformed, claimsError);
        }

        if (claims.Subject is null)
        {
            return Refuse(JwtSvidFailureReason.InvalidSubject, "token missing subject claim");
        }

        if (!SpiffeId.TryParse(claims.Subject, out var id, out var idError) || id.IsRoot)
        {
            var why = idError.Length > 0 ? idError : "it names a trust domain, not a workload";
            return Refuse(JwtSvidFailureReason.InvalidSubject, $"token has an invalid subject claim: {why}");
        }

        var keyProblem = VerifySignature(jws, algorithm, id, bundles);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        return CheckClaims(claims, id, audiences, now, leeway);
    }

    private static JwtSvidValidationResult? VerifySignature(JwsCompactToken jws, JwsAlgorithm algorithm, SpiffeId id, TrustBundleSet bundles)
    {
        if (!bundles.TryGetJwtKeys(id.TrustDomain, out var keys))
        {
            return Refuse(JwtSvidFailureReason.UnknownTrustDomain, $"no JWT bundle found for trust domain \"{id.TrustDomain}\"", id);
        }

        IEnumerable<JwtSigningKey> candidates = keys;
        if (jws.KeyId is not null)
        {
            var named = keys.FirstOrDefault(key => string.Equals(key.KeyId, jws.KeyId, StringComparison.Ordinal));
            if (named is null)
            {
                return Refuse(JwtSvidFailureReason.UnknownKeyId, $"no JWT authority \"{jws.KeyId}\" found for trust domain \"{id.TrustDomain}\"", id);
            }

            candidates = [named];
        }

        var fitting = candidates.Where(key => key.Fits(algorithm)).ToList();
        if (fitting.Count == 0)
        {
            return Refuse(JwtSvidFailureReason.NoMatchingKey, $"no JWT authority of trust domain \"{id.TrustDomain}\" fits algorithm {algorithm.Name}", id);
        }

        return fitting.Exists(key => key.Verify(algorithm, jws.SigningInput, jws.Signature))
            ? null
            : Refuse(JwtSvidFailureReason.BadSignature, "token signature does not verify", id);
    }

    private static JwtSvidValidationResult CheckClaims(JwtSvidClaims claims, SpiffeId id, IReadOnlyCollection<string> audiences, DateTimeOffset now, TimeSpan leeway)
    {
        if (claims.ExpiresAt is not { } expiresAt)
        {
            return Refuse(JwtSvidFailureReason.MissingExpiry, "token missing exp claim", id);
        }

        if (expiresAt + leeway <= now)
        {
            return Refuse(JwtSvidFailureReason.Expired, $"token has expired (exp {expiresAt:O})", id);
        }

        if (claims.NotBefore is { } notBefore && notBefore - leeway > now)
        {
            return Refuse(JwtSvidFailureReason.NotYetValid, $"token is not valid before {notBefore:O}", id);
        }

        if (claims.Audiences.Count == 0)
        {
            return Refuse(JwtSvidFailureReason.MissingAudience, "token missing aud claim", id);
        }

        return claims.Audiences.Any(audience => audiences.Contains(audience, StringComparer.Ordinal))
            ? JwtSvidValidationResult.Accepted(id)
            : Refuse(JwtSvidFailureReason.AudienceMismatch, $"expected audience in [{string.Join(", ", audiences)}] (audience=[{string.Join(", ", claims.Audiences)}])", id);
    }

    private static JwtSvidValidationResult Refuse(JwtSvidFailureReason reason, string message, SpiffeId? id = null) =>
        JwtSvidValidationResult.Refused(reason, message, id);
}
