using System.Text;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Gateway.Tests.Delivery.DeliveryTestResources;
using static Gateway.Tests.Integration.DeliveryRulesReplyTests;

namespace Gateway.Tests.Integration;

/// <summary>What the app receives for one message (Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events, steps 2 and 5 of its delivery): body, content type, headers.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DeliveryRulesMessageTests
{
    [Theory]
    [InlineData(null, "AQID", "data_base64", "\"AQID\"")]
    [InlineData("application/json", """{"total":12}""", "data", """{"total":12}""")]
    [InlineData("text/plain", "hello", "data", "\"hello\"")]
    public async Task BinaryModeBrokerMessage_IsRebuiltFromCeMetadata_AndDeliveredStructured(string? dataContentType, string payload, string member, string expectedJson)
    {
        var topic = UniqueTopic("binary");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", orders.BaseAddress),
            Subscription("orders", topic, "/orders")));
        var metadata = new Dictionary<string, string>
        {
            ["ce_id"] = "evt-1",
            ["ce_source"] = "urn:legacy",
            ["CE_Type"] = "com.example.created",
            ["ce_specversion"] = "1.0",
            ["ce_subject"] = "order/12",
        };
        if (dataContentType is not null)
        {
            metadata["ce_datacontenttype"] = dataContentType;
        }

        var bytes = dataContentType is null ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(payload);
        var component = gateway.App.Services.GetRequiredService<ComponentRegistry>().All.Single(c => c.Name == "pubsub");

        await component.Driver.PublishAsync(new PublishRequest(topic, bytes, "application/octet-stream", metadata), CancellationToken.None);

        await Eventually.TrueAsync(() => orders.Received.Any(d => d.Path == "/orders"), "the delivery");
        var delivery = Assert.Single(orders.Received, d => d.Path == "/orders");
        Assert.StartsWith("application/cloudevents+json", delivery.Headers["Content-Type"], StringComparison.Ordinal);
        var cloudEvent = delivery.Json;
        Assert.Equal("evt-1", cloudEvent.GetProperty("id").GetString());
        Assert.Equal("urn:legacy", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("com.example.created", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("order/12", cloudEvent.GetProperty("subject").GetString());
        Assert.Equal(dataContentType ?? "application/octet-stream", cloudEvent.GetProperty("datacontenttype").GetString());
        Assert.Equal(expectedJson, cloudEvent.GetProperty(member).GetRawText());
        Assert.False(cloudEvent.TryGetProperty(member == "data" ? "data_base64" : "data", out _));
    }

    [Fact]
    public async Task PublishMetadata_IsForwardedAsCanonicalHeaders_WithThePubsubName()
    {
        var topic = UniqueTopic("headers");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", orders.BaseAddress),
            Subscription("orders", topic, "/orders")));
        using var client = gateway.ClientFor("checkout");

        await PublishAsync(client, topic, """{"order":8}""", "?metadata.custom=abc&metadata.X-Tenant-ID=blue");

        await Eventually.TrueAsync(() => orders.Received.Any(d => d.Path == "/orders"), "the delivery");
        var delivery = Assert.Single(orders.Received, d => d.Path == "/orders");
        Assert.Equal("abc", delivery.Headers["Custom"]);
        Assert.Equal("blue", delivery.Headers["X-Tenant-Id"]);
        Assert.Equal("pubsub", delivery.Headers["Pubsubname"]);
    }

    [Fact]
    public async Task TraceparentAndTracestate_OfThePublish_ReachTheApp()
    {
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        const string traceState = "vendor=abc,other=1";
        var topic = UniqueTopic("trace");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", orders.BaseAddress),
            Subscription("orders", topic, "/orders")));
        using var client = gateway.ClientFor("checkout");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0/publish/pubsub/{topic}")
        {
            Content = new StringContent("""{"order":9}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", traceParent);
        request.Headers.Add("tracestate", traceState);

        using var response = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => orders.Received.Any(d => d.Path == "/orders"), "the delivery");
        var delivery = Assert.Single(orders.Received, d => d.Path == "/orders");
        Assert.Equal(traceParent, delivery.Headers["traceparent"]);
        Assert.Equal(traceState, delivery.Headers["tracestate"]);
        Assert.Equal(traceState, delivery.Json.GetProperty("tracestate").GetString());
    }
}
