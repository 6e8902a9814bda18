using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>
/// The waits of one retry policy (Dapr's resiliency policies, https://docs.dapr.io/operations/resiliency/policies/). Constant: <c>duration</c> every time, no
/// time limit. Exponential, with Dapr's fixed settings: the interval starts at 500 ms and grows by 1.5
/// per retry up to <c>maxInterval</c>; each wait is the interval randomised by ±50 %; and no retry starts
/// once the elapsed time plus the next wait would pass 15 minutes, even with unlimited retries.
/// </summary>
/// <param name="jitter">A value in [0, 1) per wait; 0.5 gives the interval exactly. Tests fix it.</param>
internal sealed class RetryDelaySchedule(RetryPolicySpec policy, Func<double> jitter)
{
    public static readonly TimeSpan InitialInterval = TimeSpan.FromMilliseconds(500);
    public const double Multiplier = 1.5;
    public const double RandomizationFactor = 0.5;
    public static readonly TimeSpan MaxElapsedTime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The wait before the retry that follows failed attempt <paramref name="attemptIndex"/> (0 = the first
    /// attempt), or null when the exponential time limit forbids another retry.
    /// </summary>
    /// <param name="elapsed">Time since the first attempt started.</param>
    public TimeSpan? NextDelay(int attemptIndex, TimeSpan elapsed)
    {
        if (policy.Policy == RetryBackoff.Constant)
        {
            return policy.Duration > TimeSpan.Zero ? policy.Duration : TimeSpan.Zero;
        }

        var random = Math.Clamp(jitter(), 0, 1);
        var factor = 1 - RandomizationFactor + (2 * RandomizationFactor * random);
        var delay = TimeSpan.FromTicks((long)(Interval(attemptIndex).Ticks * factor));
        return elapsed + delay > MaxElapsedTime ? null : delay;
    }

    /// <summary>The exponential interval before randomisation: 500 ms × 1.5^index, at most <c>maxInterval</c>.</summary>
    public TimeSpan Interval(int attemptIndex)
    {
        var maxInterval = policy.MaxInterval > TimeSpan.Zero ? policy.MaxInterval : TimeSpan.Zero;
        var ticks = InitialInterval.Ticks * Math.Pow(Multiplier, attemptIndex);
        return double.IsFinite(ticks) && ticks < maxInterval.Ticks ? TimeSpan.FromTicks((long)ticks) : maxInterval;
    }
}
