using Polly;
using Polly.Timeout;

using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>
/// The per-attempt part of a pipeline, shared by inbound and outbound: the circuit breaker around the
/// timeout. Added after the retry, so the order per attempt is timeout (innermost) → circuit breaker →
/// retry (outermost), as in Dapr.
/// </summary>
internal static class AttemptStrategies
{
    /// <summary>The breaker of a resolved circuit-breaker policy, or null when there is none.</summary>
    /// <exception cref="InvalidOperationException">The trip expression is not supported; <see cref="Resources.Validation.ResiliencyValidator"/> reports it first.</exception>
    public static ConsecutiveFailureBreaker? CreateBreaker(ResolvedPolicies policies, string componentName, TimeProvider clock)
    {
        if (policies.CircuitBreaker is not { } policy)
        {
            return null;
        }

        return TripCondition.TryParse(policy.Spec.Trip, out var trip)
            ? new ConsecutiveFailureBreaker(policy, trip, componentName, clock)
            : throw new InvalidOperationException(
                $"circuit breaker '{policy.Name}' has the trip '{policy.Spec.Trip}', which the gateway does not support; write {TripCondition.ExpectedForm}");
    }

    /// <param name="isFailedResult">Whether a result (not an exception) counts as a failure for the breaker.</param>
    public static void Add<TBuilder>(TBuilder builder, ConsecutiveFailureBreaker? breaker, Func<object?, bool> isFailedResult, NamedPolicy<TimeSpan>? timeout)
        where TBuilder : ResiliencePipelineBuilderBase
    {
        if (breaker is not null)
        {
            builder.AddStrategy(_ => new BreakerStrategy(breaker, isFailedResult));
        }

        if (timeout is not null)
        {
            // The generator is not range-checked as TimeoutStrategyOptions.Timeout is (10 ms to 1 day),
            // so every positive duration a Resiliency may hold is honoured as written.
            var duration = timeout.Spec;
            builder.AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => ValueTask.FromResult(duration) });
        }
    }
}
