using Gateway.Resources;
using Polly;
using Polly.Retry;

namespace Gateway.Resiliency;

/// <summary>
/// Fills Polly retry options from a Resiliency retry policy: attempts = 1 + <c>maxRetries</c>
/// (-1 = unlimited), waits from <see cref="RetryDelaySchedule"/>.
/// </summary>
internal static class RetryStrategyFactory
{
    /// <param name="isRetriable">Whether an attempt's outcome may be retried (the caller's code matching).</param>
    public static TOptions Configure<TOptions, TResult>(
        TOptions options, RetryPolicySpec policy, RetryDelaySchedule schedule, TimeProvider clock, Func<Outcome<TResult>, bool> isRetriable)
        where TOptions : RetryStrategyOptions<TResult>
    {
        options.MaxRetryAttempts = policy.MaxRetries == RetryPolicySpec.Unlimited ? int.MaxValue : policy.MaxRetries;
        options.BackoffType = DelayBackoffType.Constant;
        options.Delay = TimeSpan.Zero;
        options.UseJitter = false;
        options.ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments, schedule, clock, isRetriable));
        options.DelayGenerator = arguments =>
            ValueTask.FromResult<TimeSpan?>(arguments.Context.Properties.GetValue(RetryRun.Key, null)?.NextDelay ?? TimeSpan.Zero);
        return options;
    }

    /// <summary>Decides on a retry and, when there is one, on its wait (the exponential limit may forbid it).</summary>
    private static bool ShouldRetry<TResult>(
        RetryPredicateArguments<TResult> arguments, RetryDelaySchedule schedule, TimeProvider clock, Func<Outcome<TResult>, bool> isRetriable)
    {
        if (!isRetriable(arguments.Outcome) || arguments.Context.Properties.GetValue(RetryRun.Key, null) is not { } run)
        {
            return false;
        }

        var delay = schedule.NextDelay(arguments.AttemptNumber, clock.GetElapsedTime(run.StartedAt));
        run.NextDelay = delay ?? TimeSpan.Zero;
        return delay is not null;
    }
}
