using Gateway.Drivers;
using Gateway.Resources;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.Resiliency;

/// <summary>
/// Publish attempts under a component's outbound policies (Dapr's resiliency policies, https://docs.dapr.io/operations/resiliency/policies/). A driver's
/// transient failure carries HTTP 503 and a terminal one HTTP 400 for <c>matching.httpStatusCodes</c>,
/// as Dapr's components mark them Unavailable and FailedPrecondition; a timed-out attempt carries no
/// code and always may be retried. The last failure is rethrown; a timeout or an open circuit breaker
/// as a transient <see cref="DriverException"/>.
/// </summary>
internal sealed class ResilientOutboundPolicy : IOutboundPolicy
{
    public const int TransientHttpStatus = 503;
    public const int TerminalHttpStatus = 400;

    private readonly ResiliencePipeline _pipeline;
    private readonly NamedPolicy<TimeSpan>? _timeout;
    private readonly string _componentName;
    private readonly TimeProvider _clock;

    public ResilientOutboundPolicy(ResolvedPolicies policies, string componentName, TimeProvider clock, Func<double> jitter)
    {
        _timeout = policies.Timeout;
        _componentName = componentName;
        _clock = clock;
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (policies.Retry is { Spec.MaxRetries: not 0 } retry)
        {
            var schedule = new RetryDelaySchedule(retry.Spec, jitter);
            builder.AddRetry(RetryStrategyFactory.Configure(
                new RetryStrategyOptions(), retry.Spec, schedule, clock, (Outcome<object> outcome) => IsRetriable(outcome.Exception, retry.Spec)));
        }

        Breaker = AttemptStrategies.CreateBreaker(policies, componentName, clock);
        AttemptStrategies.Add(builder, Breaker, static _ => false, policies.Timeout);
        _pipeline = builder.Build();
    }

    /// <summary>The circuit breaker shared by every publish through this policy; null without one.</summary>
    public ConsecutiveFailureBreaker? Breaker { get; }

    /// <summary>The HTTP status a driver failure is matched as: 503 when transient, 400 when terminal.</summary>
    public static int HttpStatusOf(DriverException error) => error.IsTransient ? TransientHttpStatus : TerminalHttpStatus;

    public async ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> publish, CancellationToken cancellationToken)
    {
        var context = RetryRun.StartContext(_clock, cancellationToken);
        Outcome<bool> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(RunAttemptAsync, context, publish);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is null)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        switch (outcome.Exception)
        {
            case TimeoutRejectedException timedOut when _timeout is { } timeout:
                throw new DriverException(ResiliencyMessages.PublishTimedOut(_componentName, timeout.Name, timeout.Spec), isTransient: true, timedOut);
            case CircuitOpenException open:
                throw new DriverException(open.Message, isTransient: true, open);
            default:
                outcome.ThrowIfException();
                break;
        }
    }

    private static async ValueTask<Outcome<bool>> RunAttemptAsync(ResilienceContext context, Func<CancellationToken, ValueTask> publish)
    {
        try
        {
            await publish(context.CancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(true);
        }
        catch (Exception exception)
        {
            return Outcome.FromException<bool>(exception);
        }
    }

    private static bool IsRetriable(Exception? error, RetryPolicySpec policy) => error switch
    {
        TimeoutRejectedException => true,
        DriverException driverError => policy.RetriesHttpStatus(HttpStatusOf(driverError)),
        _ => false,
    };
}
