namespace Gateway.Identity.Jwt;

/// <summary>The key type and signature scheme of a <see cref="JwsAlgorithm"/>.</summary>
internal enum JwsAlgorithmFamily
{
    /// <summary>RSA with PKCS#1 v1.5 padding (RS*).</summary>
    RsaPkcs1,

    /// <summary>RSA with PSS padding, salt length = hash length (PS*).</summary>
    RsaPss,

    /// <summary>ECDSA, signature as r||s (ES*).</summary>
    Ecdsa,
}
