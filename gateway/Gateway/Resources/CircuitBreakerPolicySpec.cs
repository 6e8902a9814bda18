namespace Gateway.Resources;

/// <summary>One entry of <c>spec.policies.circuitBreakers</c>.</summary>
/// <param name="MaxRequests"><c>maxRequests</c>: probes allowed while half-open; default 1.</param>
/// <param name="Interval"><c>interval</c>: how often the closed-state counts reset; default 0 = never.</param>
/// <param name="Timeout"><c>timeout</c>: how long the breaker stays open before probing; default 60s.</param>
/// <param name="Trip"><c>trip</c>: the CEL condition that opens the breaker, kept as written.</param>
internal sealed record CircuitBreakerPolicySpec(int MaxRequests, TimeSpan Interval, TimeSpan Timeout, string Trip)
{
    public const int DefaultMaxRequests = 1;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const string DefaultTrip = "consecutiveFailures > 5";
}
