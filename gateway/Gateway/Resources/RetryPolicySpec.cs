namespace Gateway.Resources;

/// <summary>One entry of <c>spec.policies.retries</c>.</summary>
/// <param name="Policy"><c>policy</c>: constant (default) or exponential.</param>
/// <param name="Duration"><c>duration</c>: the wait of a constant policy; default 5s.</param>
/// <param name="MaxInterval"><c>maxInterval</c>: the longest wait of an exponential policy; default 60s.</param>
/// <param name="MaxRetries"><c>maxRetries</c>: -1 (default) retries without limit, 0 never retries.</param>
/// <param name="MatchingHttpStatusCodes">
/// <c>matching.httpStatusCodes</c>: only these codes are retried; empty means every code is.
/// </param>
/// <param name="MatchingGrpcStatusCodes"><c>matching.gRPCStatusCodes</c>, same rule.</param>
internal sealed record RetryPolicySpec(
    RetryBackoff Policy,
    TimeSpan Duration,
    TimeSpan MaxInterval,
    int MaxRetries,
    IReadOnlyList<StatusCodeRange> MatchingHttpStatusCodes,
    IReadOnlyList<StatusCodeRange> MatchingGrpcStatusCodes)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxInterval = TimeSpan.FromSeconds(60);
    public const int Unlimited = -1;

    /// <summary>Whether an error carrying this HTTP status code may be retried.</summary>
    public bool RetriesHttpStatus(int statusCode) =>
        MatchingHttpStatusCodes.Count == 0 || MatchingHttpStatusCodes.Any(range => range.Contains(statusCode));

    /// <summary>Whether an error carrying this gRPC status code may be retried.</summary>
    public bool RetriesGrpcStatus(int statusCode) =>
        MatchingGrpcStatusCodes.Count == 0 || MatchingGrpcStatusCodes.Any(range => range.Contains(statusCode));
}
