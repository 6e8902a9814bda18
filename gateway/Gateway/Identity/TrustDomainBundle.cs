using System.Security.Cryptography.X509Certificates;
using Gateway.Identity.Jwt;

namespace Gateway.Identity;

/// <summary>What one trust domain's bundle says: its X.509 anchors and, when known, its JWT keys.</summary>
/// <param name="TrustDomain">The trust domain the operator bound the bundle to.</param>
/// <param name="X509Authorities">Anchors for X509-SVIDs; empty = the domain's X509-SVIDs are all refused.</param>
/// <param name="JwtAuthorities">
/// Keys for JWT-SVIDs; null when the source carries no JWT bundle at all (a PEM file), empty when it is a
/// SPIFFE bundle without <c>jwt-svid</c> keys. Either way such a domain's JWT-SVIDs are refused.
/// </param>
/// <param name="Sequence">The SPIFFE bundle's <c>spiffe_sequence</c>, when given.</param>
internal sealed record TrustDomainBundle(
    string TrustDomain,
    IReadOnlyList<X509Certificate2> X509Authorities,
    IReadOnlyList<JwtSigningKey>? JwtAuthorities = null,
    long? Sequence = null);
