using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gateway.Resources;
using Gateway.Tests.Resources;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration.Tenancy;

/// <summary>
/// Routes are paths under the App's <c>baseUrl</c>: a route naming another place (an absolute URL, <c>//host</c>,
/// <c>user@host</c>, <c>..</c> segments) is refused where it is declared, and the gateway never connects there.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RouteEscapeTests
{
    private static string[] Escapes(int port) =>
    [
        $"http://127.0.0.1:{port}/x",
        $"https://127.0.0.1:{port}/x",
        $"//127.0.0.1:{port}/x",
        $"/\\127.0.0.1:{port}/x",
        $"@127.0.0.1:{port}/x",
        $"/x@127.0.0.1:{port}",
        "/../../x",
        "/orders/%2e%2e/admin",
        "mailto:x",
    ];

    [Fact]
    public async Task RuntimeSubscription_WithARouteOutsideTheApp_Is400_AndNothingReachesThatAddress()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var pki = new TestPki();
        await using var mallory = await TestSubscriber.StartAsync(pki.IssueApp("mallory"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "mallory", baseUrl = mallory.BaseAddress })));
        using var client = gateway.ClientFor("mallory");

        foreach (var route in Escapes(port))
        {
            using var response = await client.PostAsync("/v1.0-alpha1/subscriptions", Json(new { pubsubname = "pubsub", topic = "orders", route }));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"route '{route}' was answered {(int)response.StatusCode}");
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("not a path under the app's baseUrl", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        using var publisher = gateway.ClientFor("shop");
        Assert.Equal(HttpStatusCode.NoContent, (await publisher.PostAsync("/v1.0/publish/pubsub/orders", Json(new { n = 1 }))).StatusCode);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(listener.Pending(), "the gateway connected to the address a route named");
        Assert.Equal("[]", await client.GetStringAsync("/v1.0-alpha1/subscriptions"));
    }

    [Fact]
    public void SubscriptionYaml_WithAnAbsoluteUrlRoute_IsALoadErrorNamingTheRule()
    {
        var result = ResourceFolder.LoadSingle(TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "http://10.0.0.9/x" })));

        var error = Assert.Single(result.Errors);
        Assert.Equal("orders", error.Name);
        Assert.Contains("'spec.routes' rules[0] (path 'http://10.0.0.9/x'): the path is not a path under the app's baseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammaticSubscription_WithADotDotRoute_IsRefused_AndTheAppsOtherRoutesStayAsDeclared()
    {
        using var pki = new TestPki();
        await using var mallory = await TestSubscriber.StartAsync(pki.IssueApp("mallory"));
        mallory.Reply = delivery => Task.FromResult(delivery.Path == "/dapr/subscribe"
            ? (200, """[{"pubsubname":"pubsub","topic":"orders","route":"/../admin"}]""")
            : (200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "mallory", baseUrl = mallory.BaseAddress })));

        await Eventually.TrueAsync(() => mallory.Received.Any(d => d.Path == "/dapr/subscribe"), "discovery");
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(log => log.Message.Contains("not a path under the app's baseUrl", StringComparison.Ordinal)), "the refusal in the log");

        using var publisher = gateway.ClientFor("shop");
        Assert.Equal(HttpStatusCode.NoContent, (await publisher.PostAsync("/v1.0/publish/pubsub/orders", Json(new { n = 1 }))).StatusCode);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(mallory.Received, d => d.Path != "/dapr/subscribe");
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
