namespace Gateway.Telemetry;

/// <summary>How a metric family is exposed to Prometheus.</summary>
internal enum MetricKind
{
    /// <summary>A monotonic total (<c>Counter&lt;T&gt;</c>, <c>ObservableCounter&lt;T&gt;</c>); exposed with a <c>_total</c> suffix.</summary>
    Counter,

    /// <summary>A value that goes up and down (up-down counters, gauges, observable gauges).</summary>
    Gauge,

    /// <summary>A distribution (<c>Histogram&lt;T&gt;</c>); exposed as <c>_bucket</c>, <c>_sum</c> and <c>_count</c>.</summary>
    Histogram,
}
