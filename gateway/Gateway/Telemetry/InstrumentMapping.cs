using System.Diagnostics.Metrics;

namespace Gateway.Telemetry;

/// <summary>
/// How an instrument of <c>System.Diagnostics.Metrics</c> is exposed: counters as counters, up-down
/// counters and gauges as gauges, histograms as histograms. Observable instruments report their
/// current value when asked, so they keep only the last value and forget series they stop reporting.
/// </summary>
internal sealed record InstrumentMapping(MetricKind Kind, MetricAggregation Aggregation, bool Observable)
{
    public static InstrumentMapping? For(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var definition = instrument.GetType().GetGenericTypeDefinition();
        return definition switch
        {
            _ when definition == typeof(Counter<>) => new(MetricKind.Counter, MetricAggregation.Sum, false),
            _ when definition == typeof(UpDownCounter<>) => new(MetricKind.Gauge, MetricAggregation.Sum, false),
            _ when definition == typeof(Gauge<>) => new(MetricKind.Gauge, MetricAggregation.LastValue, false),
            _ when definition == typeof(Histogram<>) => new(MetricKind.Histogram, MetricAggregation.Distribution, false),
            _ when definition == typeof(ObservableCounter<>) => new(MetricKind.Counter, MetricAggregation.LastValue, true),
            _ when definition == typeof(ObservableUpDownCounter<>) => new(MetricKind.Gauge, MetricAggregation.LastValue, true),
            _ when definition == typeof(ObservableGauge<>) => new(MetricKind.Gauge, MetricAggregation.LastValue, true),
            _ => null,
        };
    }
}
