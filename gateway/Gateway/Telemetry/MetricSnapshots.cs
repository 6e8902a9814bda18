namespace Gateway.Telemetry;

/// <summary>One metric family at scrape time: its exposed name (without suffixes), help text, kind and series.</summary>
internal sealed record MetricFamilySnapshot(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeriesSnapshot> Series);

/// <summary>
/// One series of a family: its labels (already sanitised names, raw values) and either a value or, for
/// histograms, the distribution.
/// </summary>
internal sealed record MetricSeriesSnapshot(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramSnapshot? Histogram = null);

/// <summary>
/// A histogram series: upper bounds in ascending order, the count of values in each bucket (not
/// cumulative; one more entry than <see cref="UpperBounds"/>, the last for values above every bound),
/// their sum and their count.
/// </summary>
internal sealed record HistogramSnapshot(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> BucketCounts, double Sum, long Count);
