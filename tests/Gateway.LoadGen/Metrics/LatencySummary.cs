namespace Gateway.LoadGen.Metrics;

/// <summary>Percentiles of one histogram, in milliseconds.</summary>
internal sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0);
}
