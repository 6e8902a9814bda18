using System.Net;
using System.Text;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Resiliency policies (Dapr's resiliency policies, https://docs.dapr.io/operations/resiliency/policies/) applied to real deliveries.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ResiliencyTests
{
    [Theory]
    [InlineData("500", 3)]
    [InlineData("503", 1)]
    public async Task InboundRetries_AttemptOncePlusMaxRetries_ForMatchingCodes_ThenDeadLetter(string retriedCodes, int expectedAttempts)
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("billing"));
        app.Reply = delivery => Task.FromResult(delivery.Path == "/invoices" ? (500, "") : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "billing", baseUrl = app.BaseAddress }),
            TestAssets.Yaml("subscriptions/dead-letter.yaml", new { name = "invoices", pubsub = "pubsub", topic = "invoices", route = "/invoices", deadLetterTopic = "invoices-dead" }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "invoices-dead", pubsub = "pubsub", topic = "invoices-dead", route = "/invoices-dead" }),
            TestAssets.Yaml("resiliency/inbound-retry-status-codes.yaml", new { pubsub = "pubsub", maxRetries = 2, httpStatusCodes = retriedCodes })));
        using var client = gateway.ClientFor("billing");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/invoices", new StringContent("""{"invoice":7}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/invoices-dead"), "the dead-lettered message");
        Assert.Equal(expectedAttempts, app.Received.Count(d => d.Path == "/invoices"));
        Assert.Single(app.Received, d => d.Path == "/invoices-dead");
    }
}
