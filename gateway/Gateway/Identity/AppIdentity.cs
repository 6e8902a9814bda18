namespace Gateway.Identity;

/// <summary>
/// Who is calling (or who is being delivered to): a verified SPIFFE ID and what it maps to.
/// </summary>
/// <param name="SpiffeId">The ID exactly as presented in the X509-SVID.</param>
/// <param name="TrustDomain">The ID's trust domain; always checked explicitly, never implied.</param>
/// <param name="Namespace">The namespace segment of the ID.</param>
/// <param name="AppId">The Dapr app ID, or the service account for the Kubernetes shape.</param>
internal sealed record AppIdentity(SpiffeId SpiffeId, string TrustDomain, string Namespace, string AppId);
