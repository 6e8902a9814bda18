using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>The timeout, retry and circuit breaker one (component, direction, app) uses; each is null when none applies.</summary>
internal sealed record ResolvedPolicies(
    NamedPolicy<TimeSpan>? Timeout,
    NamedPolicy<RetryPolicySpec>? Retry,
    NamedPolicy<CircuitBreakerPolicySpec>? CircuitBreaker)
{
    /// <summary>True when no policy applies, so a single attempt is all there is.</summary>
    public bool IsEmpty => Timeout is null && Retry is null && CircuitBreaker is null;
}
