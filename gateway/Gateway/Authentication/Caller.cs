namespace Gateway.Authentication;

/// <summary>An authenticated caller: who the verified X509-SVID says it is.</summary>
/// <param name="SpiffeId">The SPIFFE ID from the certificate, exactly as written there.</param>
/// <param name="TrustDomain">The trust domain of <paramref name="SpiffeId"/>.</param>
/// <param name="Namespace">The namespace the ID names.</param>
/// <param name="AppId">The app ID the ID names.</param>
internal sealed record Caller(string SpiffeId, string TrustDomain, string Namespace, string AppId);
