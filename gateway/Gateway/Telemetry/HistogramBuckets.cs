using System.Diagnostics.Metrics;

namespace Gateway.Telemetry;

/// <summary>
/// Bucket upper bounds of a histogram: the instrument's own advice when it gives one, else
/// OpenTelemetry's defaults (seconds-scaled ones for instruments whose unit is <c>s</c>).
/// </summary>
internal static class HistogramBuckets
{
    /// <summary>OpenTelemetry's default explicit bounds, suited to milliseconds and counts.</summary>
    public static readonly IReadOnlyList<double> Default = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    /// <summary>Bounds for durations in seconds, 5 ms to 10 s.</summary>
    public static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static IReadOnlyList<double> For(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToList(),
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            _ => null,
        };
        if (advised is { Count: > 0 })
        {
            return advised.Order().Distinct().ToList();
        }

        return instrument.Unit == "s" ? Seconds : Default;
    }
}
