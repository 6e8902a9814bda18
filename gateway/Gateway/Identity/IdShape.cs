namespace Gateway.Identity;

/// <summary>How the path of a SPIFFE ID names a namespace and an app.</summary>
internal enum IdShape
{
    /// <summary><c>spiffe://td/ns/&lt;namespace&gt;/&lt;app-id&gt;</c>, exactly three segments (Dapr Sentry).</summary>
    Dapr,

    /// <summary>
    /// <c>spiffe://td/ns/&lt;namespace&gt;/sa/&lt;service-account&gt;</c>, exactly four segments (Istio, SPIRE,
    /// csi-driver-spiffe); the service account becomes the app ID.
    /// </summary>
    KubernetesServiceAccount,
}
