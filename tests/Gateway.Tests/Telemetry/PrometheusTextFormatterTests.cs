using Gateway.Telemetry;

namespace Gateway.Tests.Telemetry;

public sealed class PrometheusTextFormatterTests
{
    [Fact]
    public void Format_Counter_WritesHelpTypeAndTotalSample()
    {
        var family = new MetricFamilySnapshot("gateway_publishes", "Publish requests.", MetricKind.Counter,
            [new([new("pubsub", "orders"), new("result", "stored")], 3)]);

        var text = PrometheusTextFormatter.Format([family]);

        Assert.Equal(
            "# HELP gateway_publishes_total Publish requests.\n" +
            "# TYPE gateway_publishes_total counter\n" +
            "gateway_publishes_total{pubsub=\"orders\",result=\"stored\"} 3\n",
            text);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("\\\"\n", "\\\\\\\"\\n")]
    public void EscapeLabelValue_EscapesBackslashQuoteAndNewline(string raw, string escaped)
    {
        Assert.Equal(escaped, PrometheusTextFormatter.EscapeLabelValue(raw));
    }

    [Fact]
    public void Format_LabelValueWithSpecialCharacters_IsEscapedInTheSample()
    {
        var family = new MetricFamilySnapshot("g", "", MetricKind.Gauge, [new([new("topic", "a\"b\\c\nd")], 1)]);

        var text = PrometheusTextFormatter.Format([family]);

        Assert.Contains("g{topic=\"a\\\"b\\\\c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HelpWithNewlineAndBackslash_IsEscaped_QuotesKept()
    {
        var family = new MetricFamilySnapshot("g", "line \"one\"\nback\\slash", MetricKind.Gauge, [new([], 1)]);

        var text = PrometheusTextFormatter.Format([family]);

        Assert.StartsWith("# HELP g line \"one\"\\nback\\\\slash\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_LabelsAreSortedByName_SeriesAndFamiliesByText()
    {
        var families = new[]
        {
            new MetricFamilySnapshot("zeta", "", MetricKind.Gauge, [new([], 1)]),
            new MetricFamilySnapshot("alpha", "", MetricKind.Gauge,
            [
                new([new("z", "1"), new("a", "2")], 1),
                new([new("a", "1"), new("z", "9")], 2),
            ]),
        };

        var text = PrometheusTextFormatter.Format(families);

        Assert.Equal(
            "# TYPE alpha gauge\n" +
            "alpha{a=\"1\",z=\"9\"} 2\n" +
            "alpha{a=\"2\",z=\"1\"} 1\n" +
            "# TYPE zeta gauge\n" +
            "zeta 1\n",
            text);
    }

    [Fact]
    public void Format_SameStateTwice_IsByteForByteTheSame()
    {
        var series = Enumerable.Range(0, 20).Select(i => new MetricSeriesSnapshot([new("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture))], i)).ToList();
        var forward = new MetricFamilySnapshot("g", "h", MetricKind.Gauge, series);
        var backward = forward with { Series = series.AsEnumerable().Reverse().ToList() };

        Assert.Equal(PrometheusTextFormatter.Format([forward]), PrometheusTextFormatter.Format([backward]));
    }

    [Fact]
    public void Format_Histogram_WritesCumulativeBucketsSumAndCount()
    {
        var histogram = new HistogramSnapshot([0.1, 1], [2, 3, 1], 4.5, 6);
        var family = new MetricFamilySnapshot("gateway_delivery_seconds", "Delivery time.", MetricKind.Histogram, [new([new("app", "a")], 0, histogram)]);

        var text = PrometheusTextFormatter.Format([family]);

        Assert.Equal(
            "# HELP gateway_delivery_seconds Delivery time.\n" +
            "# TYPE gateway_delivery_seconds histogram\n" +
            "gateway_delivery_seconds_bucket{app=\"a\",le=\"0.1\"} 2\n" +
            "gateway_delivery_seconds_bucket{app=\"a\",le=\"1\"} 5\n" +
            "gateway_delivery_seconds_bucket{app=\"a\",le=\"+Inf\"} 6\n" +
            "gateway_delivery_seconds_sum{app=\"a\"} 4.5\n" +
            "gateway_delivery_seconds_count{app=\"a\"} 6\n",
            text);
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.005, "0.005")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void FormatValue_WritesWhatPrometheusParses(double value, string expected)
    {
        Assert.Equal(expected, PrometheusTextFormatter.FormatValue(value));
    }

    [Fact]
    public void Format_CounterAlreadyEndingInTotal_GetsNoSecondSuffix()
    {
        var family = new MetricFamilySnapshot("requests_total", "", MetricKind.Counter, [new([], 1)]);

        Assert.Equal("# TYPE requests_total counter\nrequests_total 1\n", PrometheusTextFormatter.Format([family]));
    }
}
