namespace Gateway.Identity;

/// <summary>Which side of the TLS connection presented the X509-SVID; decides the extended key usage required.</summary>
internal enum SvidPeerRole
{
    /// <summary>An app calling the gateway: an extendedKeyUsage, if present, must include id-kp-clientAuth.</summary>
    Client,

    /// <summary>An app the gateway delivers to: an extendedKeyUsage, if present, must include id-kp-serverAuth.</summary>
    Server,
}
