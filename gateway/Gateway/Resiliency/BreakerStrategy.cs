using Polly;

namespace Gateway.Resiliency;

/// <summary>
/// Puts a <see cref="ConsecutiveFailureBreaker"/> into a Polly pipeline, between the retry (outside) and
/// the per-attempt timeout (inside), so a timed-out attempt counts as a failure and an open breaker
/// answers <see cref="CircuitOpenException"/> without calling the attempt.
/// </summary>
/// <param name="isFailedResult">Whether a result (not an exception) is a failure, e.g. an app's RETRY reply.</param>
internal sealed class BreakerStrategy(ConsecutiveFailureBreaker breaker, Func<object?, bool> isFailedResult) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        if (!breaker.TryEnter(out var ticket, out var refusal))
        {
            return Outcome.FromException<TResult>(new CircuitOpenException(refusal));
        }

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            breaker.Abandon(ticket);
        }
        else
        {
            breaker.Complete(ticket, succeeded: outcome.Exception is null && !isFailedResult(outcome.Result));
        }

        return outcome;
    }
}
