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
        await using var gateway = await GatewayTestHost.StartAsync(pki, $$"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.in-memory
              version: v1
            ---
            apiVersion: gateway/v1alpha1
            kind: App
            metadata:
              name: billing
            spec:
              baseUrl: {{app.BaseAddress.ToString().TrimEnd('/')}}
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: invoices
            spec:
              pubsubname: pubsub
              topic: invoices
              deadLetterTopic: invoices-dead
              routes:
                default: /invoices
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: invoices-dead
            spec:
              pubsubname: pubsub
              topic: invoices-dead
              routes:
                default: /invoices-dead
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: retries
            spec:
              policies:
                retries:
                  quick:
                    policy: constant
                    duration: 10ms
                    maxRetries: 2
                    matching:
                      httpStatusCodes: "{{retriedCodes}}"
              targets:
                components:
                  pubsub:
                    inbound:
                      retry: quick
            """);
        using var client = gateway.ClientFor("billing");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/invoices", new StringContent("""{"invoice":7}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/invoices-dead"), "the dead-lettered message");
        Assert.Equal(expectedAttempts, app.Received.Count(d => d.Path == "/invoices"));
        Assert.Single(app.Received, d => d.Path == "/invoices-dead");
    }
}
