using System.Globalization;

namespace Gateway.Resiliency;

/// <summary>Every message the resiliency policies produce, built in one place.</summary>
internal static class ResiliencyMessages
{
    public static string AttemptTimedOut(string policyName, TimeSpan timeout) =>
        $"the attempt timed out after {Duration(timeout)} (timeout policy '{policyName}')";

    public static string PublishTimedOut(string componentName, string policyName, TimeSpan timeout) =>
        $"publishing to component '{componentName}' timed out after {Duration(timeout)} (timeout policy '{policyName}')";

    public static string BreakerOpen(string breakerName, string componentName, TimeSpan untilHalfOpen) =>
        $"circuit breaker '{breakerName}' of component '{componentName}' is open; it lets a trial call through in {Duration(untilHalfOpen)}";

    public static string BreakerBusy(string breakerName, string componentName, int trialCalls) =>
        $"circuit breaker '{breakerName}' of component '{componentName}' is open; it is half-open and its {trialCalls} trial call(s) are under way";

    /// <summary>A duration the way Resiliency YAML writes them: <c>1.5s</c>, <c>250ms</c>, <c>2m30s</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");
        }

        var minutes = (long)duration.TotalMinutes;
        var seconds = duration - TimeSpan.FromMinutes(minutes);
        return seconds == TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}m{seconds.TotalSeconds:0.###}s");
    }
}
