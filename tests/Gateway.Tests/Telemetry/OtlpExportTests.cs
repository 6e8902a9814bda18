using System.Net;
using System.Text;
using Gateway.Tests.Telemetry.Otlp;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Telemetry;

/// <summary>
/// OTLP export end to end: the real gateway with a real subscriber app, exporting to a real OTLP/HTTP
/// receiver on loopback whose protobuf is decoded by the test's own wire-format reader.
/// </summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class OtlpExportTests : IDisposable
{
    private readonly TestPki _pki = new();

    private static string Resources(string pubsub, Uri subscriber) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = pubsub, redeliveryDelay = "1h" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "subscriber", baseUrl = subscriber }),
        TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub, topic = "orders", route = "/orders" }),
        TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "failing", pubsub, topic = "failing", route = "/failing" }));

    [Fact]
    public async Task Publish_WithTraceparent_PublishAndDeliverySpansShareTheCallersTrace()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var subscriber = await TestSubscriber.StartAsync(_pki.IssueApp("subscriber"));
        var pubsub = "otel-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await StartGatewayAsync(pubsub, subscriber, collector);
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var callerSpanId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
        using var publisher = gateway.ClientFor("publisher");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0/publish/{pubsub}/orders") { Content = new StringContent("{\"n\":1}", Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");

        using var response = await publisher.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => subscriber.Received.Any(d => d.Path == "/orders"), "the delivery to /orders");
        var delivery = subscriber.Received.Single(d => d.Path == "/orders");
        await Eventually.TrueAsync(() => collector.Spans.Count(s => s.TraceId == traceId) >= 2, "the publish and the delivery span of the caller's trace");
        var spans = collector.Spans.Where(s => s.TraceId == traceId).ToList();
        var publish = Assert.Single(spans, s => s.Name == "publish orders");
        var deliver = Assert.Single(spans, s => s.Name == "deliver orders");

        Assert.Equal(callerSpanId, publish.ParentSpanId);
        Assert.Equal(OtlpSpan.KindProducer, publish.Kind);
        Assert.Equal("in-memory", publish.Attributes["messaging.system"]);
        Assert.Equal("orders", publish.Attributes["messaging.destination.name"]);
        Assert.Equal(pubsub, publish.Attributes["gateway.pubsub"]);
        Assert.Equal("publisher", publish.Attributes["gateway.app_id"]);
        Assert.Equal("stored", publish.Attributes["gateway.outcome"]);

        Assert.Equal(publish.SpanId, deliver.ParentSpanId);
        Assert.Equal(OtlpSpan.KindConsumer, deliver.Kind);
        Assert.Equal("in-memory", deliver.Attributes["messaging.system"]);
        Assert.Equal("orders", deliver.Attributes["messaging.destination.name"]);
        Assert.Equal(pubsub, deliver.Attributes["gateway.pubsub"]);
        Assert.Equal("subscriber", deliver.Attributes["gateway.app_id"]);
        Assert.Equal("success", deliver.Attributes["gateway.outcome"]);
        Assert.NotEqual(OtlpSpan.StatusError, deliver.StatusCode);

        // The CloudEvent carries the publish span's context; the app is called with the delivery span's.
        Assert.Equal($"00-{traceId}-{publish.SpanId}-01", delivery.Json.GetProperty("traceparent").GetString());
        Assert.Equal($"00-{traceId}-{deliver.SpanId}-01", delivery.Headers["traceparent"]);

        Assert.Equal("gateway", publish.Resource["service.name"]);
        Assert.False(string.IsNullOrEmpty(publish.Resource["service.instance.id"] as string));
        Assert.Empty(collector.Errors);
    }

    [Fact]
    public async Task Delivery_AppFails_DeliverySpanHasErrorStatusAndRetryOutcome()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var subscriber = await TestSubscriber.StartAsync(_pki.IssueApp("subscriber"));
        subscriber.Reply = delivery => Task.FromResult(delivery.Path == "/failing" ? (500, "") : (200, ""));
        var pubsub = "otel-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await StartGatewayAsync(pubsub, subscriber, collector);
        using var publisher = gateway.ClientFor("publisher");

        using var response = await publisher.PostAsync($"/v1.0/publish/{pubsub}/failing", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => collector.Spans.Any(s => s.Name == "deliver failing"), "the failed delivery's span");
        var deliver = collector.Spans.First(s => s.Name == "deliver failing");
        var publish = Assert.Single(collector.Spans, s => s.Name == "publish failing");
        Assert.Equal(publish.TraceId, deliver.TraceId);
        Assert.Equal(publish.SpanId, deliver.ParentSpanId);
        Assert.Equal("", publish.ParentSpanId);
        Assert.Equal(OtlpSpan.StatusError, deliver.StatusCode);
        Assert.Contains("500", deliver.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("retry", deliver.Attributes["gateway.outcome"]);
    }

    [Fact]
    public async Task Metrics_ArriveOverOtlp_WithThePublishCount()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var subscriber = await TestSubscriber.StartAsync(_pki.IssueApp("subscriber"));
        var pubsub = "otel-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await StartGatewayAsync(pubsub, subscriber, collector);
        using var publisher = gateway.ClientFor("publisher");

        for (var i = 0; i < 3; i++)
        {
            using var response = await publisher.PostAsync($"/v1.0/publish/{pubsub}/orders", new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        bool IsStoredPublishes(OtlpMetricPoint point) =>
            point.Metric == "gateway.publishes" && Equals(point.Attributes.GetValueOrDefault("pubsub"), pubsub) && Equals(point.Attributes.GetValueOrDefault("result"), "stored");
        await Eventually.TrueAsync(() => collector.MetricPoints.Any(p => IsStoredPublishes(p) && p.Value >= 3), "gateway.publishes reaching 3 over OTLP");
        Assert.Equal(3, collector.MetricPoints.Where(IsStoredPublishes).Max(p => p.Value));
        var duration = collector.MetricPoints.Last(p => p.Metric == "gateway.publish.duration" && Equals(p.Attributes.GetValueOrDefault("pubsub"), pubsub));
        Assert.Equal("s", duration.Unit);
        Assert.Equal("gateway", duration.Resource["service.name"]);
        Assert.Empty(collector.Errors);
    }

    private Task<GatewayTestHost> StartGatewayAsync(string pubsub, TestSubscriber subscriber, OtlpCollector collector) =>
        GatewayTestHost.StartAsync(_pki, Resources(pubsub, subscriber.BaseAddress), options =>
        {
            options.Telemetry.OtlpEndpoint = collector.BaseAddress.ToString();
            options.Telemetry.ExportInterval = TimeSpan.FromMilliseconds(200);
        });

    public void Dispose() => _pki.Dispose();
}
