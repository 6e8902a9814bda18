using Gateway.Tests.Delivery;
using Gateway.Tests.TestSupport;
using static Gateway.Tests.Delivery.DeliveryTestResources;
using static Gateway.Tests.Integration.DeliveryRulesReplyTests;

namespace Gateway.Tests.Integration;

/// <summary>
/// Without a dead-letter topic (Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events): a retriable answer leaves the message to the
/// broker, which delivers it again; DROP acknowledges it for good. The broker offers messages again at
/// once and the app takes one at a time, so a message that came back would arrive before a later marker.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DeliveryRulesRedeliveryTests
{
    [Theory]
    [InlineData("""{"status":"RETRY"}""", 200)]
    [InlineData("", 503)]
    public async Task RetriableAnswer_WithoutDeadLetterTopic_MessageIsDeliveredAgain(string firstBody, int firstStatus)
    {
        var topic = UniqueTopic("retry");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        var attempts = 0;
        orders.Reply = delivery => Task.FromResult(delivery.Path == "/orders" && Interlocked.Increment(ref attempts) == 1 ? (firstStatus, firstBody) : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(redeliveryDelay: "0s"),
            App("orders", orders.BaseAddress, maxConcurrency: 1),
            Subscription("orders", topic, "/orders")));
        using var outcomes = new DeliveryOutcomeRecorder(gateway.App.Services);
        using var client = gateway.ClientFor("checkout");

        await PublishAsync(client, topic, """{"order":1}""");

        await Eventually.TrueAsync(() => outcomes.For(topic).Count >= 2, "the second delivery's outcome");
        Assert.Equal(["retry", "success"], outcomes.For(topic));
        var deliveries = orders.Received.Where(d => d.Path == "/orders").ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0].Json.GetProperty("id").GetString(), deliveries[1].Json.GetProperty("id").GetString());
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 3004 && e.Properties["Topic"] == topic);
    }

    [Theory]
    [InlineData(200, """{"status":"DROP"}""")]
    [InlineData(404, "")]
    public async Task DropAnswer_WithoutDeadLetterTopic_MessageIsAcknowledgedAndNeverComesBack(int status, string body)
    {
        var topic = UniqueTopic("drop");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        orders.Reply = delivery => Task.FromResult(delivery.BodyText.Contains("marker", StringComparison.Ordinal) ? (200, "") : (status, body));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(redeliveryDelay: "0s"),
            App("orders", orders.BaseAddress, maxConcurrency: 1),
            Subscription("orders", topic, "/orders")));
        using var outcomes = new DeliveryOutcomeRecorder(gateway.App.Services);
        using var client = gateway.ClientFor("checkout");

        await PublishAsync(client, topic, """{"order":2}""");
        await PublishAsync(client, topic, """{"marker":1}""");
        await Eventually.TrueAsync(() => orders.Received.Any(d => d.BodyText.Contains("\"marker\":1", StringComparison.Ordinal)), "the first marker");

        // Published once the first marker arrived: behind anything the broker was offering again by then.
        await PublishAsync(client, topic, """{"marker":2}""");
        await Eventually.TrueAsync(() => outcomes.For(topic).Count >= 3, "the outcome of the second marker");

        Assert.Equal(["drop", "success", "success"], outcomes.For(topic));
        Assert.Single(orders.Received, d => d.BodyText.Contains("\"order\":2", StringComparison.Ordinal));
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 3003 && e.Properties["Topic"] == topic);
        Assert.DoesNotContain(gateway.Logs.Events, e => e.EventId == 3006);
    }
}
