using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Tests.Telemetry.Otlp;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Telemetry;

/// <summary>
/// Bulk publish and bulk delivery over OTLP end to end: the real gateway, a real subscriber app taking
/// <c>bulkSubscribe</c> batches, and a real OTLP/HTTP receiver whose protobuf the test decodes itself.
/// </summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class BulkOtlpExportTests : IDisposable
{
    private readonly TestPki _pki = new();

    private static string Resources(string pubsub, Uri subscriber) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = pubsub, redeliveryDelay = "1h" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "subscriber", baseUrl = subscriber }),
        TestAssets.Yaml("subscriptions/bulk.yaml", new { name = "orders", pubsub, topic = "orders", route = "/orders", maxMessagesCount = 3, maxAwaitDurationMs = 600000 }));

    private static StringContent ThreeEntries() => new("""
        [{"entryId":"1","event":{"n":1},"contentType":"application/json"},
         {"entryId":"2","event":{"n":2},"contentType":"application/json"},
         {"entryId":"3","event":{"n":3},"contentType":"application/json"}]
        """, Encoding.UTF8, "application/json");

    [Fact]
    public async Task BulkPublish_WithTraceparent_OnePublishSpanInTheCallersTrace_BulkDeliverySpanLinksToTheEntries()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var subscriber = await StartSubscriberAsync("SUCCESS");
        var pubsub = "otel-bulk-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await StartGatewayAsync(pubsub, subscriber, collector);
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var callerSpanId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
        using var publisher = gateway.ClientFor("publisher");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0-alpha1/publish/bulk/{pubsub}/orders") { Content = ThreeEntries() };
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");

        using var response = await publisher.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => Entries(subscriber).Count >= 3, "the three entries delivered in a batch");
        await Eventually.TrueAsync(
            () => collector.Spans.Any(s => s.Name == "publish orders") && collector.Spans.Any(s => s.Name == "deliver orders"),
            "the publish span and the bulk delivery span");

        var publish = Assert.Single(collector.Spans, s => s.Name == "publish orders");
        Assert.Equal(traceId, publish.TraceId);
        Assert.Equal(callerSpanId, publish.ParentSpanId);
        Assert.Equal(OtlpSpan.KindProducer, publish.Kind);
        Assert.Equal("in-memory", publish.Attributes["messaging.system"]);
        Assert.Equal(pubsub, publish.Attributes["gateway.pubsub"]);
        Assert.Equal("publisher", publish.Attributes["gateway.app_id"]);
        Assert.Equal(3L, publish.Attributes["messaging.batch.message_count"]);
        Assert.Equal("stored", publish.Attributes["gateway.outcome"]);

        // Every entry's CloudEvent continues the publish span.
        var entries = Entries(subscriber);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, entry => Assert.Equal($"00-{traceId}-{publish.SpanId}-01", entry.GetProperty("event").GetProperty("traceparent").GetString()));

        var batch = Assert.Single(subscriber.Received, d => d.Path == "/orders");
        var deliver = Assert.Single(collector.Spans, s => s.Name == "deliver orders");
        Assert.Equal(OtlpSpan.KindConsumer, deliver.Kind);
        Assert.Equal("", deliver.ParentSpanId);
        Assert.Equal(3, deliver.Links.Count);
        Assert.All(deliver.Links, link => Assert.Equal(new OtlpLink(traceId, publish.SpanId), link));
        Assert.Equal(3L, deliver.Attributes["messaging.batch.message_count"]);
        Assert.Equal("deliver", deliver.Attributes["messaging.operation.name"]);
        Assert.Equal("orders", deliver.Attributes["messaging.destination.name"]);
        Assert.Equal(pubsub, deliver.Attributes["gateway.pubsub"]);
        Assert.Equal("subscriber", deliver.Attributes["gateway.app_id"]);
        Assert.Equal("/orders", deliver.Attributes["gateway.delivery.path"]);
        Assert.Equal(1L, deliver.Attributes["gateway.delivery.attempt"]);
        Assert.Equal("success", deliver.Attributes["gateway.outcome"]);
        Assert.NotEqual(OtlpSpan.StatusError, deliver.StatusCode);
        Assert.Equal($"00-{deliver.TraceId}-{deliver.SpanId}-01", batch.Headers["traceparent"]);

        // The batch is counted like single deliveries: three successful messages, one timed POST, three stored publishes.
        bool IsOurs(OtlpMetricPoint point, string metric) => point.Metric == metric && Equals(point.Attributes.GetValueOrDefault("pubsub"), pubsub);
        await Eventually.TrueAsync(
            () => collector.MetricPoints.Any(p => IsOurs(p, "gateway.deliveries") && Equals(p.Attributes.GetValueOrDefault("outcome"), "success") && p.Value >= 3),
            "gateway.deliveries reaching 3 successes over OTLP");
        var deliveries = collector.MetricPoints.Last(p => IsOurs(p, "gateway.deliveries") && Equals(p.Attributes.GetValueOrDefault("outcome"), "success"));
        Assert.Equal(3, deliveries.Value);
        Assert.Equal("subscriber", deliveries.Attributes["app"]);
        Assert.Equal("orders", deliveries.Attributes["topic"]);
        var duration = collector.MetricPoints.Last(p => IsOurs(p, "gateway.delivery.duration"));
        Assert.Equal(1, duration.Value);
        Assert.Equal("success", duration.Attributes["outcome"]);
        Assert.Equal(3, collector.MetricPoints.Last(p => IsOurs(p, "gateway.publishes") && Equals(p.Attributes.GetValueOrDefault("result"), "stored")).Value);
        Assert.Equal(0, collector.MetricPoints.Last(p => IsOurs(p, "gateway.deliveries.in_flight")).Value);
        Assert.Empty(collector.Errors);
    }

    [Fact]
    public async Task BulkDelivery_AppAnswers500_DeliverySpanHasErrorStatusAndRetryOutcome()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var subscriber = await TestSubscriber.StartAsync(_pki.IssueApp("subscriber"));
        subscriber.Reply = delivery => Task.FromResult(delivery.Path == "/orders" ? (500, "") : (200, ""));
        var pubsub = "otel-bulk-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await StartGatewayAsync(pubsub, subscriber, collector);
        using var publisher = gateway.ClientFor("publisher");

        using var response = await publisher.PostAsync($"/v1.0-alpha1/publish/bulk/{pubsub}/orders", ThreeEntries());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => collector.Spans.Any(s => s.Name == "deliver orders"), "the failed bulk delivery's span");
        var deliver = collector.Spans.First(s => s.Name == "deliver orders");
        var publish = Assert.Single(collector.Spans, s => s.Name == "publish orders");
        Assert.Equal("", publish.ParentSpanId);
        Assert.All(deliver.Links, link => Assert.Equal(new OtlpLink(publish.TraceId, publish.SpanId), link));
        Assert.Equal(OtlpSpan.StatusError, deliver.StatusCode);
        Assert.Contains("500", deliver.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("retry", deliver.Attributes["gateway.outcome"]);
    }

    [Fact]
    public async Task BulkPublish_TracingOff_EntriesCarryTheCallersTraceparent_BatchPostCarriesNone()
    {
        await using var subscriber = await StartSubscriberAsync("SUCCESS");
        var pubsub = "bulk-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await GatewayTestHost.StartAsync(_pki, Resources(pubsub, subscriber.BaseAddress));
        var callerTraceParent = $"00-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01";
        using var publisher = gateway.ClientFor("publisher");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0-alpha1/publish/bulk/{pubsub}/orders") { Content = ThreeEntries() };
        request.Headers.Add("traceparent", callerTraceParent);
        request.Headers.Add("tracestate", "vendor=1");

        using var response = await publisher.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => Entries(subscriber).Count >= 3, "the three entries delivered in a batch");
        Assert.All(Entries(subscriber), entry =>
        {
            Assert.Equal(callerTraceParent, entry.GetProperty("event").GetProperty("traceparent").GetString());
            Assert.Equal("vendor=1", entry.GetProperty("event").GetProperty("tracestate").GetString());
        });
        var batch = Assert.Single(subscriber.Received, d => d.Path == "/orders");
        Assert.False(batch.Headers.ContainsKey("traceparent"));
        Assert.False(batch.Headers.ContainsKey("tracestate"));
    }

    /// <summary>A subscriber app answering every entry of a bulk request with <paramref name="status"/>.</summary>
    private async Task<TestSubscriber> StartSubscriberAsync(string status)
    {
        var subscriber = await TestSubscriber.StartAsync(_pki.IssueApp("subscriber"));
        subscriber.Reply = delivery =>
        {
            if (delivery.Path != "/orders")
            {
                return Task.FromResult((200, ""));
            }

            var statuses = delivery.Json.GetProperty("entries").EnumerateArray().Select(entry => new { entryId = entry.GetProperty("entryId").GetString(), status });
            return Task.FromResult((200, JsonSerializer.Serialize(new { statuses })));
        };
        return subscriber;
    }

    private static List<JsonElement> Entries(TestSubscriber subscriber) =>
        [.. subscriber.Received.Where(d => d.Path == "/orders").SelectMany(d => d.Json.GetProperty("entries").EnumerateArray())];

    private Task<GatewayTestHost> StartGatewayAsync(string pubsub, TestSubscriber subscriber, OtlpCollector collector) =>
        GatewayTestHost.StartAsync(_pki, Resources(pubsub, subscriber.BaseAddress), options =>
        {
            options.Telemetry.OtlpEndpoint = collector.BaseAddress.ToString();
            options.Telemetry.ExportInterval = TimeSpan.FromMilliseconds(200);
        });

    public void Dispose() => _pki.Dispose();
}
