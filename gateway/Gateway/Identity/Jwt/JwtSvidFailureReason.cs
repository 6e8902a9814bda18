namespace Gateway.Identity.Jwt;

/// <summary>Why a JWT-SVID was refused; one value per rule so logs and metrics can tell them apart.</summary>
internal enum JwtSvidFailureReason
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Not a compact JWS, bad base64url, or header/claims that are not JSON objects.</summary>
    Malformed,

    /// <summary><c>alg</c> is not one of RS/PS/ES 256/384/512 (this includes <c>none</c> and HS*).</summary>
    AlgorithmNotAllowed,

    /// <summary><c>typ</c> is present and is neither <c>JWT</c> nor <c>JOSE</c>.</summary>
    WrongType,

    /// <summary>The header has a member other than <c>alg</c>, <c>kid</c> and <c>typ</c> (JWT-SVID §2).</summary>
    UnexpectedHeader,

    /// <summary><c>sub</c> is missing or not a valid SPIFFE ID with a path.</summary>
    InvalidSubject,

    /// <summary><c>exp</c> is missing or not a number.</summary>
    MissingExpiry,

    /// <summary>The subject's trust domain has no JWT bundle.</summary>
    UnknownTrustDomain,

    /// <summary>The header names a <c>kid</c> that the trust domain's JWT bundle lacks.</summary>
    UnknownKeyId,

    /// <summary>No key of the trust domain fits <c>alg</c> (type or curve).</summary>
    NoMatchingKey,

    /// <summary>The signature does not verify.</summary>
    BadSignature,

    /// <summary><c>exp</c> is in the past (beyond the leeway).</summary>
    Expired,

    /// <summary><c>nbf</c> is in the future (beyond the leeway).</summary>
    NotYetValid,

    /// <summary><c>aud</c> is missing or empty.</summary>
    MissingAudience,

    /// <summary>None of the token's audiences is one the gateway accepts.</summary>
    AudienceMismatch,
}
