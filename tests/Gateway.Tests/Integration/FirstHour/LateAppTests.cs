using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Drivers;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Integration.FirstHour;

/// <summary>
/// The usual order on a laptop: the gateway first, the app a little later. The app's <c>/dapr/subscribe</c>
/// is asked again soon after it could not be reached (1 s, doubling), and at the app's first call to the
/// gateway, not only at the discovery interval, so messages published right after the app starts reach it.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class LateAppTests
{
    [Fact]
    public async Task AppStartedFiveSecondsAfterTheGateway_GetsMessagesWithinSeconds_NotAtTheNextDiscoveryRound()
    {
        using var pki = new TestPki();
        var port = FreePort();
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(port), options => options.DiscoveryInterval = TimeSpan.FromMinutes(5));
        using var publisher = gateway.ClientFor("publisher");
        await Task.Delay(TimeSpan.FromSeconds(5));

        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("late"), null, port);
        app.Reply = delivery => Task.FromResult(delivery.Path == "/dapr/subscribe"
            ? (200, """[{"pubsubname":"pubsub","topic":"orders","route":"/orders"}]""")
            : (200, ""));
        var started = Stopwatch.StartNew();
        var firstDelivery = await PublishUntilDeliveredAsync(publisher, app, started);

        // The next regular round would come five minutes after start; the app was asked again within seconds.
        Assert.True(firstDelivery < TimeSpan.FromSeconds(60), $"first delivery {firstDelivery.TotalSeconds:0.0} s after the app started");
        TestContext.Current.TestOutputHelper?.WriteLine($"first delivery {firstDelivery.TotalSeconds:0.00} s after the app started");
    }

    [Fact]
    public async Task AppsFirstCallToTheGateway_AsksItForItsSubscriptionsAtOnce()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("late"));
        // Reachable from the start, but with nothing declared yet: no retry is pending, the next round is minutes away.
        var declared = false;
        app.Reply = delivery => Task.FromResult(delivery.Path == "/dapr/subscribe"
            ? (declared ? 200 : 404, declared ? """[{"pubsubname":"pubsub","topic":"orders","route":"/orders"}]""" : "")
            : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "late", baseUrl = app.BaseAddress })), options => options.DiscoveryInterval = TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/dapr/subscribe"), "the discovery at start");
        declared = true;

        using var client = gateway.ClientFor("late");
        using var response = await client.GetAsync("/v1.0-alpha1/subscriptions");

        await Eventually.TrueAsync(() => app.Received.Count(d => d.Path == "/dapr/subscribe") >= 2, "discovery after the app's first call");
        using var publisher = gateway.ClientFor("publisher");
        await Eventually.TrueAsync(async () =>
        {
            using var published = await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("""{"n":1}""", Encoding.UTF8, "application/json"));
            return app.Received.Any(d => d.Path == "/orders");
        }, "a delivery on the subscription the app declared");
    }

    [Fact]
    public async Task AppWithoutDaprSubscribe_IsLoggedOnce_NotAtEveryRound()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("late"));
        app.Reply = _ => Task.FromResult((501, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "late", baseUrl = app.BaseAddress })), options => options.DiscoveryInterval = TimeSpan.FromMilliseconds(200));

        await Eventually.TrueAsync(() => app.Received.Count(d => d.Path == "/dapr/subscribe") >= 5, "five discovery rounds");

        Assert.Single(gateway.Logs.Events, log => log.EventId == EventIds.SubscriptionDiscovery.None);
        Assert.DoesNotContain(gateway.Logs.Events, log => log.Category.StartsWith("Gateway.", StringComparison.Ordinal) && log.Level >= LogLevel.Warning);
    }

    private static string Resources(int port) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "late", baseUrl = new Uri($"https://127.0.0.1:{port}") }));

    private static async Task<TimeSpan> PublishUntilDeliveredAsync(HttpClient publisher, TestSubscriber app, Stopwatch since)
    {
        var n = 0;
        while (since.Elapsed < TimeSpan.FromMinutes(2))
        {
            using var response = await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent($$"""{"n":{{n++}}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            if (app.Received.Any(d => d.Path == "/orders"))
            {
                return since.Elapsed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException("no delivery within two minutes of the app starting");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
