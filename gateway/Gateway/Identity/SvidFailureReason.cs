namespace Gateway.Identity;

/// <summary>Why an X509-SVID was refused; one value per rule so logs and metrics can tell them apart.</summary>
internal enum SvidFailureReason
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The subjectAltName extension cannot be decoded or appears more than once.</summary>
    MalformedSubjectAltName,

    /// <summary>The leaf has no URI SAN.</summary>
    NoUriSan,

    /// <summary>The leaf has more than one URI SAN.</summary>
    MultipleUriSans,

    /// <summary>The URI SAN is not a valid SPIFFE ID (go-spiffe's message is in the failure text).</summary>
    InvalidSpiffeId,

    /// <summary>The leaf's SPIFFE ID has no path (<c>spiffe://td</c> names a trust domain, not a workload).</summary>
    RootIdLeaf,

    /// <summary>The leaf has basicConstraints cA=true.</summary>
    LeafIsCa,

    /// <summary>The leaf's keyUsage includes keyCertSign.</summary>
    LeafKeyCertSign,

    /// <summary>The leaf's keyUsage includes cRLSign.</summary>
    LeafCrlSign,

    /// <summary>The leaf has no keyUsage extension, or it lacks digitalSignature.</summary>
    MissingDigitalSignature,

    /// <summary>The leaf has an extendedKeyUsage without id-kp-clientAuth (checking a client).</summary>
    EkuWithoutClientAuth,

    /// <summary>The leaf has an extendedKeyUsage without id-kp-serverAuth (checking a server).</summary>
    EkuWithoutServerAuth,

    /// <summary>No bundle is configured for the trust domain the leaf's SPIFFE ID names.</summary>
    UnknownTrustDomain,

    /// <summary>The leaf's NotAfter is before the verification time.</summary>
    Expired,

    /// <summary>The leaf's NotBefore is after the verification time.</summary>
    NotYetValid,

    /// <summary>RFC 5280 path validation against that trust domain's anchors failed (chain status in the text).</summary>
    ChainInvalid,
}
