using System.Globalization;

namespace Gateway.Telemetry;

/// <summary>
/// The series of one exposed metric name, aggregated from every instrument that maps to it. Thread-safe:
/// measurements arrive on whatever thread recorded them.
/// </summary>
internal sealed class MetricFamily(string name, string help, InstrumentMapping mapping, IReadOnlyList<double> bucketBounds)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public InstrumentMapping Mapping { get; } = mapping;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\0', labels.Select(label => label.Key + "\0" + label.Value));
        lock (_gate)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new Series(labels, Mapping.Aggregation == MetricAggregation.Distribution ? new HistogramAccumulator(bucketBounds) : null);
                _series.Add(key, series);
            }

            switch (Mapping.Aggregation)
            {
                case MetricAggregation.Sum:
                    series.Value += value;
                    break;
                case MetricAggregation.LastValue:
                    series.Value = value;
                    break;
                default:
                    series.Histogram!.Record(value);
                    break;
            }
        }
    }

    /// <summary>Forgets every series; observable families call this before asking their callbacks again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _series.Clear();
        }
    }

    public MetricFamilySnapshot Snapshot()
    {
        lock (_gate)
        {
            var series = _series.Values.Select(s => new MetricSeriesSnapshot(s.Labels, s.Value, s.Histogram?.Snapshot())).ToList();
            return new MetricFamilySnapshot(Name, help, Mapping.Kind, series);
        }
    }

    private static List<KeyValuePair<string, string>> Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Two tags that sanitise to the same label name would make a broken line; the later one wins.
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            labels[PrometheusNames.Label(tag.Key)] = tag.Value switch
            {
                null => "",
                bool flag => flag ? "true" : "false",
                _ => Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "",
            };
        }

        return labels.ToList();
    }

    private sealed class Series(List<KeyValuePair<string, string>> labels, HistogramAccumulator? histogram)
    {
        public List<KeyValuePair<string, string>> Labels { get; } = labels;

        public HistogramAccumulator? Histogram { get; } = histogram;

        public double Value { get; set; }
    }
}
