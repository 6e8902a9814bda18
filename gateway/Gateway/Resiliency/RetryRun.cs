using Polly;

namespace Gateway.Resiliency;

/// <summary>
/// The state of one execution that the retry strategy's callbacks share through the Polly context: when
/// the first attempt started (for the exponential time limit) and the wait chosen for the next retry.
/// </summary>
internal sealed class RetryRun(long startedAt)
{
    public static readonly ResiliencePropertyKey<RetryRun?> Key = new("Gateway.Resiliency.RetryRun");

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the first attempt started.</summary>
    public long StartedAt { get; } = startedAt;

    /// <summary>The wait <see cref="RetryStrategyFactory"/> decided on when it chose to retry.</summary>
    public TimeSpan NextDelay { get; set; }

    /// <summary>Takes a pooled Polly context for one execution and attaches a new run to it.</summary>
    public static ResilienceContext StartContext(TimeProvider clock, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Key, new RetryRun(clock.GetTimestamp()));
        return context;
    }
}
