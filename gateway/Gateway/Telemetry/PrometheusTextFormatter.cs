using System.Globalization;
using System.Text;

namespace Gateway.Telemetry;

/// <summary>
/// Writes metric snapshots in the Prometheus text exposition format 0.0.4: a HELP and a TYPE line per
/// family, then one line per sample. Families are ordered by exposed name and series by their label
/// text (labels themselves by name), so two scrapes of the same state are byte for byte the same.
/// </summary>
internal static class PrometheusTextFormatter
{
    /// <summary>The Content-Type of the output.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Format(IEnumerable<MetricFamilySnapshot> families)
    {
        var output = new StringBuilder();
        foreach (var family in families.Select(f => (Exposed: ExposedName(f), Family: f)).OrderBy(f => f.Exposed, StringComparer.Ordinal))
        {
            if (family.Family.Help.Length > 0)
            {
                output.Append("# HELP ").Append(family.Exposed).Append(' ').Append(EscapeHelp(family.Family.Help)).Append('\n');
            }

            output.Append("# TYPE ").Append(family.Exposed).Append(' ').Append(TypeName(family.Family.Kind)).Append('\n');
            foreach (var series in family.Family.Series.Select(s => (Labels: SortedLabels(s.Labels), Series: s)).OrderBy(s => LabelText(s.Labels), StringComparer.Ordinal))
            {
                if (series.Series.Histogram is { } histogram)
                {
                    WriteHistogram(output, family.Exposed, series.Labels, histogram);
                }
                else
                {
                    WriteSample(output, family.Exposed, series.Labels, FormatValue(series.Series.Value));
                }
            }
        }

        return output.ToString();
    }

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A sample value as Prometheus reads it: shortest round-trip form, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string ExposedName(MetricFamilySnapshot family) =>
        family.Kind == MetricKind.Counter ? PrometheusNames.CounterTotal(family.Name) : family.Name;

    private static string TypeName(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Gauge => "gauge",
        _ => "histogram",
    };

    // HELP text escapes only backslash and line feed; quotes stay as they are.
    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static List<KeyValuePair<string, string>> SortedLabels(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        labels.OrderBy(label => label.Key, StringComparer.Ordinal).ToList();

    private static string LabelText(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        if (labels.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("{");
        for (var i = 0; i < labels.Count; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(labels[i].Key).Append("=\"").Append(EscapeLabelValue(labels[i].Value)).Append('"');
        }

        return text.Append('}').ToString();
    }

    private static void WriteHistogram(StringBuilder output, string name, List<KeyValuePair<string, string>> labels, HistogramSnapshot histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.UpperBounds.Count; i++)
        {
            cumulative += histogram.BucketCounts[i];
            WriteSample(output, name + "_bucket", [.. labels, new("le", FormatValue(histogram.UpperBounds[i]))], cumulative.ToString(CultureInfo.InvariantCulture));
        }

        WriteSample(output, name + "_bucket", [.. labels, new("le", "+Inf")], histogram.Count.ToString(CultureInfo.InvariantCulture));
        WriteSample(output, name + "_sum", labels, FormatValue(histogram.Sum));
        WriteSample(output, name + "_count", labels, histogram.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteSample(StringBuilder output, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string value) =>
        output.Append(name).Append(LabelText(labels)).Append(' ').Append(value).Append('\n');
}
