using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Subscriptions;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration.Tenancy;

/// <summary>
/// An app cannot join another app's consumer group and take a share of its messages: a subscription it
/// declares itself naming the victim's group is refused, on the runtime API and on <c>/dapr/subscribe</c>,
/// and the victim receives every message.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConsumerGroupHijackTests
{
    private const int Messages = 40;

    private static string Resources(Uri victim, Uri mallory) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "50ms" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "victim", baseUrl = victim }),
        TestAssets.Yaml("apps/app.yaml", new { name = "mallory", baseUrl = mallory }),
        TestAssets.Yaml("subscriptions/scoped.yaml", new { name = "victim-orders", pubsub = "pubsub", topic = "orders", route = "/orders", app = "victim" }));

    [Theory]
    [InlineData("consumerID")]
    [InlineData("consumerGroup")]
    public async Task RuntimeSubscription_InTheVictimsGroup_Is403_AndTheVictimGetsEveryMessage(string key)
    {
        using var pki = new TestPki();
        await using var victim = await TestSubscriber.StartAsync(pki.IssueApp("victim"));
        await using var mallory = await TestSubscriber.StartAsync(pki.IssueApp("mallory"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(victim.BaseAddress, mallory.BaseAddress));
        using var attacker = gateway.ClientFor("mallory");

        using var hijack = await attacker.PostAsync("/v1.0-alpha1/subscriptions", Json($$$"""
            {"pubsubname":"pubsub","topic":"orders","route":"/steal","metadata":{"{{{key}}}":"victim"}}
            """));

        Assert.Equal(HttpStatusCode.Forbidden, hijack.StatusCode);
        var error = JsonDocument.Parse(await hijack.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ERR_SUBSCRIPTION_FORBIDDEN", error.GetProperty("errorCode").GetString());
        Assert.Contains("consumer group 'victim'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await PublishAndExpectAllAtTheVictimAsync(gateway, victim, mallory);
    }

    [Fact]
    public async Task RuntimeSubscription_InItsOwnGroup_IsAccepted_AndBothAppsGetEveryMessage()
    {
        using var pki = new TestPki();
        await using var victim = await TestSubscriber.StartAsync(pki.IssueApp("victim"));
        await using var mallory = await TestSubscriber.StartAsync(pki.IssueApp("mallory"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(victim.BaseAddress, mallory.BaseAddress));
        using var own = gateway.ClientFor("mallory");

        using var created = await own.PostAsync("/v1.0-alpha1/subscriptions", Json("""
            {"pubsubname":"pubsub","topic":"orders","route":"/mine","metadata":{"consumerID":"mallory"}}
            """));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await PublishAndExpectAllAtTheVictimAsync(gateway, victim, mallory, malloryGetsCopies: true);
    }

    [Fact]
    public async Task ProgrammaticSubscription_InTheVictimsGroup_IsNotStarted_AndTheVictimGetsEveryMessage()
    {
        using var pki = new TestPki();
        await using var victim = await TestSubscriber.StartAsync(pki.IssueApp("victim"));
        await using var mallory = await TestSubscriber.StartAsync(pki.IssueApp("mallory"));
        mallory.Reply = delivery => Task.FromResult(delivery.Path == "/dapr/subscribe"
            ? (200, """[{"pubsubname":"pubsub","topic":"orders","route":"/steal","metadata":{"consumerGroup":"victim"}}]""")
            : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(victim.BaseAddress, mallory.BaseAddress));
        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();

        await Eventually.TrueAsync(() => manager.Statuses.Any(s => s.App.AppId == "mallory"), "mallory's programmatic subscription to be considered");

        var refused = manager.Statuses.Single(s => s.App.AppId == "mallory");
        Assert.Equal(SubscriptionState.Denied, refused.State);
        Assert.Contains("consumer group 'victim'", refused.Reason, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Events, log => log.EventId == 3105 && log.Properties["AppId"] == "mallory");
        await PublishAndExpectAllAtTheVictimAsync(gateway, victim, mallory);
    }

    private static async Task PublishAndExpectAllAtTheVictimAsync(GatewayTestHost gateway, TestSubscriber victim, TestSubscriber mallory, bool malloryGetsCopies = false)
    {
        using var publisher = gateway.ClientFor("shop");
        var marker = Guid.NewGuid().ToString("N");
        for (var n = 0; n < Messages; n++)
        {
            using var response = await publisher.PostAsync("/v1.0/publish/pubsub/orders", Json($$"""{"m":"{{marker}}","n":{{n}}}"""));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Eventually.TrueAsync(() => Numbers(victim, marker).Count == Messages, $"all {Messages} messages at the victim");
        if (malloryGetsCopies)
        {
            await Eventually.TrueAsync(() => Numbers(mallory, marker).Count == Messages, $"all {Messages} messages at mallory too, in its own group");
        }
        else
        {
            Assert.Empty(Numbers(mallory, marker));
        }
    }

    private static HashSet<int> Numbers(TestSubscriber app, string marker) =>
        [.. app.Received.Where(d => d.Path != "/dapr/subscribe" && d.BodyText.Contains(marker, StringComparison.Ordinal))
            .Select(d => d.Json.GetProperty("data").GetProperty("n").GetInt32())];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
