using System.Net;
using System.Text;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Deliveries accept an app only if it presents the SVID expected for it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class IdentityOutboundTests
{
    private static string Resources(string app) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "50ms" }),
        app,
        TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "invoices", pubsub = "pubsub", topic = "invoices", route = "/invoices" }));

    [Fact]
    public async Task AppPresentingAnotherAppsSvid_GetsNothing_AndTheMessageWaits()
    {
        using var pki = new TestPki();
        await using var impostor = await TestSubscriber.StartAsync(pki.IssueApp("not-billing"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(TestAssets.Yaml("apps/app.yaml", new { name = "billing", baseUrl = impostor.BaseAddress })));
        using var client = gateway.ClientFor("billing");
        using var attempts = new MeterRecorder();

        using var response = await client.PostAsync("/v1.0/publish/pubsub/invoices", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        // The first refusal is logged whole; later attempts of the same run are summarised, so they are counted on the attempt instrument.
        await Eventually.TrueAsync(
            () => gateway.Logs.Events.Any(e => e.EventId == 3004 && (e.Properties.GetValueOrDefault("Detail") ?? "").Contains("spiffe://public/ns/default/not-billing", StringComparison.Ordinal))
                && attempts.Count("gateway.delivery.duration", ("app", "billing"), ("topic", "invoices"), ("outcome", "retry")) >= 2,
            "two refused delivery attempts, the first logged naming the impostor's identity");
        Assert.DoesNotContain(impostor.Received, d => d.Path == "/invoices");
        var refusal = gateway.Logs.Events.First(e => e.EventId == 3004).Properties["Detail"];
        Assert.Contains("'spiffe://public/ns/default/billing' was expected", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppWithAConfiguredSpiffeId_IsAcceptedUnderThatId()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("billing-v2", "payments"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(TestAssets.Yaml("apps/app-spiffe-id.yaml", new { name = "billing", baseUrl = app.BaseAddress, spiffeId = "spiffe://public/ns/payments/billing-v2" })));
        using var client = gateway.ClientFor("billing");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/invoices", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/invoices"), "the delivery to the app under its configured SPIFFE ID");
    }
}
