using Gateway.Resources;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.Resiliency;

/// <summary>
/// Delivery attempts under a component's inbound policies (Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events). Success and
/// Drop replies are final; a Retry reply is retried while the retry policy allows and its HTTP status
/// matches <c>matching.httpStatusCodes</c> (a gRPC app's error code: <c>matching.gRPCStatusCodes</c>) (a reply without a status, such as a refused connection or a
/// timed-out attempt, always may be). The result is the last attempt's reply; a timed-out attempt and
/// an open circuit breaker read as Retry replies without a status.
/// </summary>
internal sealed class ResilientInboundPolicy : IInboundPolicy
{
    private readonly ResiliencePipeline<AppReply> _pipeline;
    private readonly NamedPolicy<TimeSpan>? _timeout;
    private readonly TimeProvider _clock;

    public ResilientInboundPolicy(ResolvedPolicies policies, string componentName, TimeProvider clock, Func<double> jitter)
    {
        _timeout = policies.Timeout;
        _clock = clock;
        var builder = new ResiliencePipelineBuilder<AppReply> { TimeProvider = clock };
        if (policies.Retry is { Spec.MaxRetries: not 0 } retry)
        {
            var schedule = new RetryDelaySchedule(retry.Spec, jitter);
            builder.AddRetry(RetryStrategyFactory.Configure(
                new RetryStrategyOptions<AppReply>(), retry.Spec, schedule, clock, (Outcome<AppReply> outcome) => IsRetriable(outcome, retry.Spec)));
        }

        Breaker = AttemptStrategies.CreateBreaker(policies, componentName, clock);
        AttemptStrategies.Add(builder, Breaker, result => result is AppReply { Status: AppReplyStatus.Retry }, policies.Timeout);
        _pipeline = builder.Build();
    }

    /// <summary>The circuit breaker shared by every delivery through this policy; null without one.</summary>
    public ConsecutiveFailureBreaker? Breaker { get; }

    public async Task<AppReply> ExecuteAsync(Func<CancellationToken, Task<AppReply>> attempt, CancellationToken cancellationToken)
    {
        var context = RetryRun.StartContext(_clock, cancellationToken);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(RunAttemptAsync, context, attempt);
            return FinalReply(outcome, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async ValueTask<Outcome<AppReply>> RunAttemptAsync(ResilienceContext context, Func<CancellationToken, Task<AppReply>> attempt)
    {
        try
        {
            return Outcome.FromResult(await attempt(context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<AppReply>(exception);
        }
    }

    private static bool IsRetriable(Outcome<AppReply> outcome, RetryPolicySpec policy) => outcome switch
    {
        { Exception: TimeoutRejectedException } => true,
        { Exception: null, Result: { Status: AppReplyStatus.Retry, GrpcStatus: { } code } } => policy.RetriesGrpcStatus(code),
        { Exception: null, Result: { Status: AppReplyStatus.Retry } reply } => reply.HttpStatus == 0 || policy.RetriesHttpStatus(reply.HttpStatus),
        _ => false,
    };

    private AppReply FinalReply(Outcome<AppReply> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is null)
        {
            // The retry gives back the last reply when cancelled between attempts; a reply that only
            // says "try again" must not hide the cancellation.
            if (outcome.Result.Status == AppReplyStatus.Retry)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            return outcome.Result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (outcome.Exception is not (TimeoutRejectedException or CircuitOpenException))
        {
            outcome.ThrowIfException();
        }

        var detail = outcome.Exception is TimeoutRejectedException && _timeout is { } timeout
            ? ResiliencyMessages.AttemptTimedOut(timeout.Name, timeout.Spec)
            : outcome.Exception.Message;
        return new AppReply(AppReplyStatus.Retry, 0, detail);
    }
}
