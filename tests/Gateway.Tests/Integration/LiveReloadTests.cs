using System.Net;
using System.Text;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>Changes under the resources folder while the gateway runs: applied when valid, ignored (and logged) when not.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class LiveReloadTests
{
    private const int ReloadAppliedEventId = 1205;
    private const int ReloadKeptLastGoodEventId = 1203;
    private const int SubscriptionStartedEventId = 3101;
    private const int SubscriptionStoppedEventId = 3104;

    private static string Component(string publishingScopes) =>
        TestAssets.Yaml("components/in-memory-publishing-scopes.yaml", new { name = "pubsub", publishingScopes });

    private static string App(Uri subscriber) => TestAssets.Yaml("apps/app.yaml", new { name = "subscriber", baseUrl = subscriber });

    private static string Subscription(string name, string topic) =>
        TestAssets.Yaml("subscriptions/scoped.yaml", new { name, pubsub = "pubsub", topic, route = $"/{topic}", app = "subscriber" });

    private static Task<GatewayTestHost> StartGatewayAsync(TestPki pki, string resources) =>
        GatewayTestHost.StartAsync(pki, resources, options => options.ResourcesPollInterval = TimeSpan.FromMilliseconds(200));

    private static async Task<HttpStatusCode> PublishAsync(HttpClient client, string topic, string marker)
    {
        using var response = await client.PostAsync($"/v1.0/publish/pubsub/{topic}", new StringContent($$"""{"marker":"{{marker}}"}""", Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private static Task WaitForEventAsync(GatewayTestHost gateway, int eventId, int countAtLeast, string what) =>
        Eventually.TrueAsync(() => gateway.Logs.Events.Count(e => e.EventId == eventId) >= countAtLeast, what);

    [Fact]
    public async Task PublishingScopesChangedOnDisk_NextPublishIsDecidedByTheNewRule()
    {
        using var pki = new TestPki();
        await using var gateway = await StartGatewayAsync(pki, Component("publisher=orders"));
        using var client = gateway.ClientFor("publisher");
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(client, "orders", "before"));

        await File.WriteAllTextAsync(Path.Combine(gateway.ResourcesDirectory, "resources.yaml"), Component("publisher=payments"));

        await Eventually.TrueAsync(async () => await PublishAsync(client, "orders", "after") == HttpStatusCode.Forbidden, "publish to orders refused by the new scopes");
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(client, "payments", "after"));
    }

    [Fact]
    public async Task InvalidYamlWrittenOnDisk_ChangesNothingAndIsLogged()
    {
        using var pki = new TestPki();
        await using var gateway = await StartGatewayAsync(pki, Component("publisher=orders"));
        using var client = gateway.ClientFor("publisher");

        await File.WriteAllTextAsync(Path.Combine(gateway.ResourcesDirectory, "resources.yaml"), Component("publisher=payments") + "\n  - [unclosed: {");

        await WaitForEventAsync(gateway, ReloadKeptLastGoodEventId, 1, "the broken change to be reported");
        Assert.Contains(gateway.Logs.Events, e => e.EventId == ReloadKeptLastGoodEventId && e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.DoesNotContain(gateway.Logs.Events, e => e.EventId == ReloadAppliedEventId);
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(client, "orders", "still-allowed"));
        Assert.Equal(HttpStatusCode.Forbidden, await PublishAsync(client, "payments", "still-denied"));
    }

    [Fact]
    public async Task SubscriptionAddedOnDisk_StartsDelivering_AndRemovingItStopsDelivery()
    {
        using var pki = new TestPki();
        await using var subscriber = await TestSubscriber.StartAsync(pki.IssueApp("subscriber"));
        var baseResources = Component("") + "\n---\n" + App(subscriber.BaseAddress) + "\n---\n" + Subscription("control", "control");
        await using var gateway = await StartGatewayAsync(pki, baseResources);
        using var client = gateway.ClientFor("publisher");
        var added = Path.Combine(gateway.ResourcesDirectory, "added.yaml");

        await File.WriteAllTextAsync(added, Subscription("live", "live"));
        await WaitForEventAsync(gateway, SubscriptionStartedEventId, 2, "the added subscription to start");
        var first = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(client, "live", first));
        await Eventually.TrueAsync(() => subscriber.Received.Any(d => d.Path == "/live" && d.BodyText.Contains(first, StringComparison.Ordinal)), "delivery on the added subscription");

        File.Delete(added);
        await WaitForEventAsync(gateway, SubscriptionStoppedEventId, 1, "the removed subscription to stop");
        var second = Guid.NewGuid().ToString();
        var control = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(client, "live", second));
        Assert.Equal(HttpStatusCode.NoContent, await PublishAsync(client, "control", control));
        await Eventually.TrueAsync(() => subscriber.Received.Any(d => d.Path == "/control" && d.BodyText.Contains(control, StringComparison.Ordinal)), "delivery on the kept subscription");
        Assert.DoesNotContain(subscriber.Received, d => d.BodyText.Contains(second, StringComparison.Ordinal));
    }
}
