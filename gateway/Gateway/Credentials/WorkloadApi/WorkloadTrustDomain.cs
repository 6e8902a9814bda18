using System.Diagnostics.CodeAnalysis;
using Gateway.Identity;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// The trust domain a Workload API bundle map is keyed by. The standard keys it by the domain's SPIFFE ID
/// (<c>spiffe://example.org</c>); a bare name (<c>example.org</c>) is taken too, as go-spiffe does.
/// </summary>
internal static class WorkloadTrustDomain
{
    public static bool TryParse(string key, [NotNullWhen(true)] out string? trustDomain)
    {
        var id = key.StartsWith(SpiffeIdSyntax.SchemePrefix, StringComparison.Ordinal) ? key : SpiffeIdSyntax.SchemePrefix + key;
        if (SpiffeId.TryParse(id, out var parsed, out _) && parsed.IsRoot)
        {
            trustDomain = parsed.TrustDomain;
            return true;
        }

        trustDomain = null;
        return false;
    }
}
