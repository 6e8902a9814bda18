using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Subscriptions an app declares itself through <c>GET /dapr/subscribe</c>.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProgrammaticSubscriptionTests
{
    private static string Resources(Uri shop) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "50ms" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "shop", baseUrl = shop }),
        TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/declared-orders" }));

    [Fact]
    public async Task AppDeclaresSubscriptions_GatewayDeliversToItsRoutes_AndListsThemAsProgrammatic()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("shop"));
        app.Reply = delivery => Task.FromResult(delivery.Path == "/dapr/subscribe"
            ? (200, """
                [{"pubsubname":"pubsub","topic":"orders","route":"/programmatic-orders"},
                 {"pubsubname":"pubsub","topic":"raw","metadata":{"rawPayload":"\"true\""},"route":"/raw"}]
                """)
            : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(app.BaseAddress));
        using var client = gateway.ClientFor("shop");
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/dapr/subscribe"), "the gateway asks the app for its subscriptions");
        var discovery = app.Received.First(d => d.Path == "/dapr/subscribe");
        Assert.Equal("shop", discovery.Headers["dapr-app-id"]);
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/v1.0/metadata")).Contains("PROGRAMMATIC", StringComparison.Ordinal), "programmatic subscriptions listed");

        var marker = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/orders", new StringContent($$"""{"m":"{{marker}}"}""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/raw?metadata.rawPayload=true", new StringContent(marker))).StatusCode);

        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/programmatic-orders" && d.BodyText.Contains(marker, StringComparison.Ordinal)), "delivery to the programmatic route");
        var raw = Convert.ToBase64String(Encoding.UTF8.GetBytes(marker));
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/raw" && d.BodyText.Contains(raw, StringComparison.Ordinal)), "raw delivery");
        Assert.DoesNotContain(app.Received, d => d.Path == "/declared-orders");
        var metadata = JsonDocument.Parse(await client.GetStringAsync("/v1.0/metadata")).RootElement;
        var orders = metadata.GetProperty("subscriptions").EnumerateArray().Single(s => s.GetProperty("topic").GetString() == "orders");
        Assert.Equal("PROGRAMMATIC", orders.GetProperty("type").GetString());
        Assert.Equal("/programmatic-orders", orders.GetProperty("rules")[0].GetProperty("path").GetString());
    }
}
