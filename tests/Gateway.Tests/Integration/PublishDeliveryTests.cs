using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Publishes over mTLS that reach a subscriber app over mTLS, end to end on loopback.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PublishDeliveryTests(GatewayFixture fixture)
{
    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private IReadOnlyList<ReceivedDelivery> DeliveriesOf(string path, string marker) =>
        fixture.Subscriber.Received.Where(d => d.Path == path && d.BodyText.Contains(marker, StringComparison.Ordinal)).ToList();

    private async Task<IReadOnlyList<ReceivedDelivery>> WaitForDeliveriesAsync(string path, string marker, int count)
    {
        await Eventually.TrueAsync(() => DeliveriesOf(path, marker).Count >= count, $"{count} deliveries of {marker} at {path}");
        return DeliveriesOf(path, marker);
    }

    [Fact]
    public async Task Publish_OverMtls_ReachesSubscriberAsStructuredCloudEvent()
    {
        var marker = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/orders", Json(new { orderId = marker, amount = 12.50m }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var delivery = (await WaitForDeliveriesAsync("/orders", marker, 1))[0];
        Assert.Equal("application/cloudevents+json; charset=utf-8", delivery.Headers["Content-Type"]);
        Assert.Equal("pubsub", delivery.Headers["Pubsubname"]);
        var cloudEvent = delivery.Json;
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("publisher", cloudEvent.GetProperty("source").GetString());
        Assert.Equal("com.dapr.event.sent", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("orders", cloudEvent.GetProperty("topic").GetString());
        Assert.Equal("pubsub", cloudEvent.GetProperty("pubsubname").GetString());
        Assert.Equal("application/json; charset=utf-8", cloudEvent.GetProperty("datacontenttype").GetString());
        Assert.False(string.IsNullOrEmpty(cloudEvent.GetProperty("id").GetString()));
        Assert.Equal(marker, cloudEvent.GetProperty("data").GetProperty("orderId").GetString());
        Assert.Equal("12.50", cloudEvent.GetProperty("data").GetProperty("amount").GetRawText());
        Assert.Contains("spiffe://public/ns/default/gateway", delivery.ClientSpiffeUri ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithTraceparent_SubscriberReceivesTheSameTraceparent()
    {
        var marker = Guid.NewGuid().ToString();
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02";
        using var client = fixture.Gateway.ClientFor("publisher");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/publish/pubsub/orders") { Content = Json(new { marker }) };
        request.Headers.Add("traceparent", traceParent);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var delivery = (await WaitForDeliveriesAsync("/orders", marker, 1))[0];
        Assert.Equal(traceParent, delivery.Headers["traceparent"]);
        Assert.Equal(traceParent, delivery.Json.GetProperty("traceparent").GetString());
    }

    [Fact]
    public async Task SubscriberAnswersRetry_MessageIsDeliveredAgainUntilSuccess()
    {
        var marker = Guid.NewGuid().ToString();
        var attempts = 0;
        fixture.SetReply("/retry", d => d.BodyText.Contains(marker, StringComparison.Ordinal) && Interlocked.Increment(ref attempts) < 3
            ? (200, """{"status":"RETRY"}""")
            : (200, """{"status":"SUCCESS"}"""));
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/retry", Json(new { marker }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var deliveries = await WaitForDeliveriesAsync("/retry", marker, 3);
        Assert.Single(deliveries.Select(d => d.Json.GetProperty("id").GetString()).Distinct());
    }

    [Fact]
    public async Task SubscriberAnswers500_MessageIsDeliveredAgainUntilItSucceeds()
    {
        var marker = Guid.NewGuid().ToString();
        var attempts = 0;
        fixture.SetReply("/status", d => d.BodyText.Contains(marker, StringComparison.Ordinal) && Interlocked.Increment(ref attempts) == 1
            ? (500, "")
            : (204, ""));
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/status", Json(new { marker }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2, (await WaitForDeliveriesAsync("/status", marker, 2)).Count);
    }

    [Fact]
    public async Task SubscriberAnswersDrop_OriginalMessageGoesToTheDeadLetterTopic()
    {
        var marker = Guid.NewGuid().ToString();
        fixture.SetReply("/drop", _ => (200, """{"status":"DROP"}"""));
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/drop", Json(new { marker }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var dropped = (await WaitForDeliveriesAsync("/drop", marker, 1))[0];
        var deadLettered = (await WaitForDeliveriesAsync("/dead", marker, 1))[0];
        Assert.Equal(dropped.BodyText, deadLettered.BodyText);
        Assert.Equal("drop", deadLettered.Json.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task RawPayloadSubscription_ReceivesTheBytesWrappedAsBase64()
    {
        var marker = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.ClientFor("publisher");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/raw?metadata.rawPayload=true", new StringContent(marker, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(marker));
        var delivery = (await WaitForDeliveriesAsync("/raw", base64, 1))[0];
        Assert.Equal(base64, delivery.Json.GetProperty("data_base64").GetString());
        Assert.Equal("application/octet-stream", delivery.Json.GetProperty("datacontenttype").GetString());
        Assert.Equal("raw", delivery.Json.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task SubscriptionDeniedByScopes_NeverReceives_AndIsListedInMetadata()
    {
        var marker = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.ClientFor("publisher");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/forbidden", Json(new { marker }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/orders", Json(new { marker }))).StatusCode);

        await WaitForDeliveriesAsync("/orders", marker, 1);
        Assert.Empty(DeliveriesOf("/forbidden", marker));
        using var subscriber = fixture.Gateway.ClientFor("subscriber");
        var metadata = JsonDocument.Parse(await subscriber.GetStringAsync("/v1.0/metadata")).RootElement;
        Assert.Contains(metadata.GetProperty("subscriptions").EnumerateArray(), s => s.GetProperty("topic").GetString() == "forbidden");
    }

    [Fact]
    public async Task Metadata_ListsTheComponentsThatExistForTheCaller_NotThoseScopedToOthers()
    {
        using var client = fixture.Gateway.ClientFor("subscriber");

        var metadata = JsonDocument.Parse(await client.GetStringAsync("/v1.0/metadata")).RootElement;

        Assert.Equal("subscriber", metadata.GetProperty("id").GetString());
        var components = metadata.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["pubsub", "tiny"], components);
        var orders = metadata.GetProperty("subscriptions").EnumerateArray().Single(s => s.GetProperty("topic").GetString() == "orders");
        Assert.Equal("pubsub", orders.GetProperty("pubsubname").GetString());
        Assert.Equal("/orders", orders.GetProperty("rules")[0].GetProperty("path").GetString());
        Assert.Equal("", orders.GetProperty("deadLetterTopic").GetString());
        Assert.Equal("DECLARATIVE", orders.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("?metadata.cloudevent.type=widget", """{"priority":9}""", "/widgets")]
    [InlineData("", """{"priority":9}""", "/urgent")]
    [InlineData("", """{"priority":1}""", "/products")]
    [InlineData("", """{"other":true}""", "/products")]
    public async Task RoutingRules_FirstMatchingRuleChoosesThePath(string query, string data, string expectedPath)
    {
        var marker = Guid.NewGuid().ToString();
        using var client = fixture.Gateway.ClientFor("publisher");
        var body = data.Insert(1, $"\"marker\":\"{marker}\",");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/routed" + query, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => fixture.Subscriber.Received.Any(d => d.BodyText.Contains(marker, StringComparison.Ordinal)), "the routed delivery");
        var delivery = fixture.Subscriber.Received.Single(d => d.BodyText.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(expectedPath, delivery.Path);
    }

    [Fact]
    public async Task BrokerRefusesTheMessage_PublishIs500AndSaysWhy()
    {
        fixture.SetReply("/stuck", _ => (500, ""));
        using var client = fixture.Gateway.ClientFor("publisher");
        using var first = await client.PostAsync("/v1.0/publish/tiny/stuck", Json(new { n = 1 }));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await WaitForDeliveriesAsync("/stuck", "\"n\":1", 1);

        using var second = await client.PostAsync("/v1.0/publish/tiny/stuck", Json(new { n = 2 }));

        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ERR_PUBSUB_PUBLISH_MESSAGE", error.GetProperty("errorCode").GetString());
        Assert.StartsWith("error when publishing to topic stuck in pubsub tiny: ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("maxPendingMessages", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
