using Gateway.Drivers;

namespace Gateway.Resiliency;

/// <summary>
/// How one publish to a broker is attempted and repeated (Dapr's resiliency policies, https://docs.dapr.io/operations/resiliency/policies/, outbound): the
/// component's timeout per attempt, its circuit breaker and its retry policy.
/// </summary>
internal interface IOutboundPolicy
{
    /// <summary>
    /// Runs <paramref name="publish"/> until it succeeds or the policy gives up, then rethrows the last
    /// <see cref="DriverException"/>. A timed-out attempt or an open circuit breaker surfaces as a transient
    /// <see cref="DriverException"/>; cancellation of <paramref name="cancellationToken"/> as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> publish, CancellationToken cancellationToken);
}
