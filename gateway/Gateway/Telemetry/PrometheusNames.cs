using System.Text;

namespace Gateway.Telemetry;

/// <summary>
/// Turns instrument and tag names into Prometheus names: dots and every other character outside
/// <c>[a-zA-Z0-9_]</c> become underscores, and a leading digit gets an underscore in front.
/// Colons are left out on purpose: Prometheus reserves them for recording rules.
/// </summary>
internal static class PrometheusNames
{
    /// <summary>The metric name for an instrument name, e.g. <c>gateway.publishes</c> → <c>gateway_publishes</c>.</summary>
    public static string Metric(string instrumentName) => Sanitise(instrumentName);

    /// <summary>
    /// The metric name for an instrument with a unit: instruments in seconds (<c>s</c>) end in <c>_seconds</c>,
    /// as Prometheus names base units (<c>gateway.publish.duration</c> → <c>gateway_publish_duration_seconds</c>).
    /// </summary>
    public static string Metric(string instrumentName, string? unit)
    {
        var name = Sanitise(instrumentName);
        return unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal) ? name + "_seconds" : name;
    }

    /// <summary>The label name for a tag name, e.g. <c>http.method</c> → <c>http_method</c>.</summary>
    public static string Label(string tagName) => Sanitise(tagName);

    /// <summary>The exposed name of a counter: its metric name with <c>_total</c> once.</summary>
    public static string CounterTotal(string metricName) =>
        metricName.EndsWith("_total", StringComparison.Ordinal) ? metricName : metricName + "_total";

    private static string Sanitise(string name)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var character in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character == '_' ? character : '_');
        }

        return builder.ToString();
    }
}
