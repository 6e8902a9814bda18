using System.Net;
using System.Text;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>
/// The dead-letter write is a publish on behalf of the subscriber (Dapr's topic scoping, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-scopes/): when the
/// subscriber may not publish to its dead-letter topic, the write is denied and the message is not
/// acknowledged, so nothing is lost.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DeadLetterScopeTests
{
    [Fact]
    public async Task DeadLetterTopicOutOfTheSubscribersPublishingScope_IsDenied_AndTheMessageIsDeliveredAgain()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        app.Reply = delivery => Task.FromResult(delivery.Path == "/orders" ? (200, """{"status":"DROP"}""") : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-publishing-scopes-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "50ms", publishingScopes = "subscriber=orders" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "subscriber", baseUrl = app.BaseAddress }),
            TestAssets.Yaml("subscriptions/dead-letter.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/orders", deadLetterTopic = "orders-dead" }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders-dead", pubsub = "pubsub", topic = "orders-dead", route = "/orders-dead" })));
        using var publisher = gateway.ClientFor("publisher");

        using var response = await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => app.Received.Count(d => d.Path == "/orders") >= 3, "the dropped message delivered again while its dead-letter write is denied");
        var denial = gateway.Logs.Events.First(e => e.EventId == 1001 && e.Properties.GetValueOrDefault("Topic") == "orders-dead");
        Assert.Equal("subscriber", denial.Properties["AppId"]);
        Assert.Equal("publish", denial.Properties["Operation"]);
        Assert.DoesNotContain(app.Received, d => d.Path == "/orders-dead");
    }
}
