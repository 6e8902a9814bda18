using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Gateway.Telemetry;

/// <summary>
/// Listens to every instrument of this host's <c>Gateway</c> meter and keeps them aggregated for
/// <c>/metrics</c>. Only meters made by this host's <see cref="IMeterFactory"/> count, so several hosts
/// in one process (tests) do not see each other's numbers.
/// </summary>
internal sealed class GatewayMeterCollector : IDisposable
{
    private readonly IMeterFactory _meterFactory;
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly Lock _collectGate = new();

    public GatewayMeterCollector(IMeterFactory meterFactory)
    {
        _meterFactory = meterFactory;
        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<byte>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<short>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, value, tags, state) => Record(state, (double)value, tags));

        // Start also announces the instruments that already exist.
        _listener.Start();
    }

    /// <summary>Asks observable instruments for their current values and returns every family.</summary>
    public IReadOnlyList<MetricFamilySnapshot> Collect()
    {
        lock (_collectGate)
        {
            foreach (var family in _families.Values.Where(f => f.Mapping.Observable))
            {
                family.Clear();
            }

            _listener.RecordObservableInstruments();
            return _families.Values.Select(family => family.Snapshot()).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        (state as MetricFamily)?.Record(value, tags);

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name != GatewayMetrics.MeterName || !ReferenceEquals(instrument.Meter.Scope, _meterFactory))
        {
            return;
        }

        if (InstrumentMapping.For(instrument) is not { } mapping)
        {
            return;
        }

        var name = PrometheusNames.Metric(instrument.Name, instrument.Unit);
        var family = _families.GetOrAdd(name, _ => new MetricFamily(name, instrument.Description ?? "", mapping, HistogramBuckets.For(instrument)));

        // A second instrument under the same name joins the family only if it aggregates the same way.
        if (family.Mapping == mapping)
        {
            listener.EnableMeasurementEvents(instrument, family);
        }
    }
}
