using System.Diagnostics.Metrics;
using Gateway.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Telemetry;

public sealed class GatewayMeterCollectorTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public void Collect_Counter_SumsPerTagSetAsTotal()
    {
        using var collector = new GatewayMeterCollector(Factory);
        var counter = Factory.Create(GatewayMetrics.MeterName).CreateCounter<long>("gateway.things", description: "Things.");

        counter.Add(2, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(3, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "b"));

        var text = PrometheusTextFormatter.Format(collector.Collect());
        Assert.Contains("# TYPE gateway_things_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("gateway_things_total{kind=\"a\"} 5\n", text, StringComparison.Ordinal);
        Assert.Contains("gateway_things_total{kind=\"b\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_InstrumentsMadeBeforeTheCollector_AreIncluded()
    {
        var counter = Factory.Create(GatewayMetrics.MeterName).CreateCounter<int>("gateway.early");
        using var collector = new GatewayMeterCollector(Factory);

        counter.Add(7);

        Assert.Contains("gateway_early_total 7\n", PrometheusTextFormatter.Format(collector.Collect()), StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_UpDownCounter_IsAGaugeThatGoesDown()
    {
        using var collector = new GatewayMeterCollector(Factory);
        var inFlight = Factory.Create(GatewayMetrics.MeterName).CreateUpDownCounter<long>("gateway.in_flight");

        inFlight.Add(5);
        inFlight.Add(-2);

        var text = PrometheusTextFormatter.Format(collector.Collect());
        Assert.Contains("# TYPE gateway_in_flight gauge\ngateway_in_flight 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_ObservableGauge_ReportsTheCurrentValueAndForgetsVanishedSeries()
    {
        using var collector = new GatewayMeterCollector(Factory);
        var values = new List<Measurement<double>> { new(10, new KeyValuePair<string, object?>("td", "a")), new(20, new KeyValuePair<string, object?>("td", "b")) };
        Factory.Create(GatewayMetrics.MeterName).CreateObservableGauge("gateway.seconds_left", () => values.ToArray());

        var first = PrometheusTextFormatter.Format(collector.Collect());
        values.RemoveAt(1);
        values[0] = new(5, new KeyValuePair<string, object?>("td", "a"));
        var second = PrometheusTextFormatter.Format(collector.Collect());

        Assert.Contains("gateway_seconds_left{td=\"b\"} 20\n", first, StringComparison.Ordinal);
        Assert.Contains("gateway_seconds_left{td=\"a\"} 5\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("td=\"b\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_HistogramInSeconds_CountsIntoAdvisedBucketsUnderASecondsName()
    {
        using var collector = new GatewayMeterCollector(Factory);
        var histogram = Factory.Create(GatewayMetrics.MeterName).CreateHistogram<double>(
            "gateway.latency", unit: "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });

        histogram.Record(0.1);
        histogram.Record(0.5);
        histogram.Record(3);

        var text = PrometheusTextFormatter.Format(collector.Collect());
        Assert.Contains("gateway_latency_seconds_bucket{le=\"0.1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("gateway_latency_seconds_bucket{le=\"1\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("gateway_latency_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("gateway_latency_seconds_sum 3.6\n", text, StringComparison.Ordinal);
        Assert.Contains("gateway_latency_seconds_count 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_OtherMetersAndOtherHosts_AreLeftOut()
    {
        using var collector = new GatewayMeterCollector(Factory);
        using var otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Factory.Create("Other").CreateCounter<long>("other.meter").Add(1);
        otherHost.GetRequiredService<IMeterFactory>().Create(GatewayMetrics.MeterName).CreateCounter<long>("gateway.elsewhere").Add(1);
        using var unscoped = new Meter(GatewayMetrics.MeterName);
        unscoped.CreateCounter<long>("gateway.unscoped").Add(1);

        Assert.Empty(collector.Collect());
    }

    [Fact]
    public void Collect_TagValues_AreWrittenInvariantly()
    {
        using var collector = new GatewayMeterCollector(Factory);
        var counter = Factory.Create(GatewayMetrics.MeterName).CreateCounter<double>("gateway.tagged");

        counter.Add(1.5, new KeyValuePair<string, object?>("ok", true), new KeyValuePair<string, object?>("ratio", 0.25), new KeyValuePair<string, object?>("none", null));

        var text = PrometheusTextFormatter.Format(collector.Collect());
        Assert.Contains("gateway_tagged_total{none=\"\",ok=\"true\",ratio=\"0.25\"} 1.5\n", text, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
