namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// Which of the SVIDs in a Workload API message the gateway uses: the one with <see cref="SpiffeId"/>, else
/// the one with <see cref="Hint"/>, else the first (the agent's default identity).
/// </summary>
internal sealed record SvidChoice(string? SpiffeId = null, string? Hint = null)
{
    /// <summary>The chosen SVID, or null with a reason naming what the agent offered.</summary>
    public X509SVID? Pick(IReadOnlyList<X509SVID> svids, out string problem)
    {
        problem = string.Empty;
        if (svids.Count == 0)
        {
            problem = "the message holds no SVID";
            return null;
        }

        var chosen = SpiffeId is not null
            ? svids.FirstOrDefault(svid => string.Equals(svid.SpiffeId, SpiffeId, StringComparison.Ordinal))
            : Hint is not null
                ? svids.FirstOrDefault(svid => string.Equals(svid.Hint, Hint, StringComparison.Ordinal))
                : svids[0];
        if (chosen is null)
        {
            var wanted = SpiffeId is not null ? $"SPIFFE ID '{SpiffeId}'" : $"hint '{Hint}'";
            var offered = string.Join(", ", svids.Select(svid => svid.Hint.Length > 0 ? $"{svid.SpiffeId} (hint '{svid.Hint}')" : svid.SpiffeId));
            problem = $"none of the {svids.Count} SVID(s) has the {wanted}; the agent offers: {offered}";
        }

        return chosen;
    }
}
