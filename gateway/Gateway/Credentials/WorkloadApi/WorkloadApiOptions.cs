namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// <c>Gateway:WorkloadApi</c>: take the gateway's SVID and trust bundles from the SPIFFE Workload API (a
/// SPIRE agent's socket) instead of files.
/// </summary>
internal sealed class WorkloadApiOptions
{
    /// <summary>The standard variable naming the Workload API endpoint.</summary>
    public const string EndpointVariable = "SPIFFE_ENDPOINT_SOCKET";

    /// <summary>
    /// The endpoint, <c>unix:///absolute/path</c> or <c>tcp://IP:PORT</c> (<c>--spiffe-endpoint</c>). Default:
    /// none, except that <c>gateway run</c> uses <c>SPIFFE_ENDPOINT_SOCKET</c> when it is set and no SVID
    /// files are configured. When set, SVID and bundle files must not be.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// Which SVID to use when the agent hands out several (<c>--spiffe-id</c>): the one with exactly this
    /// SPIFFE ID. Default: the first one, the agent's default identity.
    /// </summary>
    public string? SpiffeId { get; set; }

    /// <summary>
    /// Which SVID to use when the agent hands out several (<c>--spiffe-hint</c>): the one whose operator hint
    /// (such as <c>internal</c>) is exactly this. Ignored when <see cref="SpiffeId"/> is set.
    /// </summary>
    public string? Hint { get; set; }

    /// <summary>
    /// Longest wait between two attempts to reach the agent after it refused (<c>PermissionDenied</c>: no
    /// identity for the gateway yet) or went away (<c>Unavailable</c>). The first retry is after 1 s, then the
    /// wait doubles up to this. Default 30 s.
    /// </summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the Workload API is the credential source.</summary>
    internal bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>How the gateway chooses among several SVIDs.</summary>
    internal SvidChoice Choice => new(string.IsNullOrEmpty(SpiffeId) ? null : SpiffeId, string.IsNullOrEmpty(Hint) ? null : Hint);
}
