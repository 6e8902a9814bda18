namespace Gateway.Telemetry;

/// <summary>How the measurements of one instrument are combined into a series' value.</summary>
internal enum MetricAggregation
{
    /// <summary>Measurements are increments (counters, up-down counters).</summary>
    Sum,

    /// <summary>Each measurement replaces the value (gauges, and observable instruments, which report totals).</summary>
    LastValue,

    /// <summary>Measurements are counted into buckets (histograms).</summary>
    Distribution,
}
