using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Subscriptions an app declares itself through <c>GET /dapr/subscribe</c>.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProgrammaticSubscriptionTests
{
    private const string Resources = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: redeliveryDelay
            value: 50ms
        ---
        apiVersion: gateway/v1alpha1
        kind: App
        metadata:
          name: shop
        spec:
          baseUrl: BASE_URL
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: orders
        spec:
          pubsubname: pubsub
          topic: orders
          routes:
            default: /declared-orders
        """;

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
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources.Replace("BASE_URL", app.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
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
