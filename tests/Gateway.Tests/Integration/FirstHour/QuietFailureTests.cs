using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Drivers;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Integration.FirstHour;

/// <summary>
/// What goes wrong on the happy path stays short in the log: a subscriber down for 20 s while messages
/// wait for it makes a few lines (the first failure, a summary, the recovery), not one per retry; a plain
/// HTTP request on the HTTPS port gets a one-line hint instead of a silent close.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class QuietFailureTests
{
    [Fact]
    public async Task SubscriberDownFor20Seconds_MakesAFewLogLines_AndGetsEverythingAfterwards()
    {
        using var pki = new TestPki();
        var port = FreePort();
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "100ms" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "down", baseUrl = new Uri($"https://127.0.0.1:{port}") }),
            TestAssets.Yaml("subscriptions/scoped.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/orders", app = "down" })));
        using var publisher = gateway.ClientFor("publisher");
        for (var n = 0; n < 5; n++)
        {
            using var response = await publisher.PostAsync("/v1.0/publish/pubsub/orders", new StringContent($$"""{"n":{{n}}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(log => log.EventId == EventIds.DeliverySettlement.NotDelivered), "the first failed delivery");
        await Task.Delay(TimeSpan.FromSeconds(20));
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("down"), null, port);
        await Eventually.TrueAsync(() => app.Received.Count(d => d.Path == "/orders") >= 5, "every message once the app is up");

        var lines = gateway.Logs.Events.Where(log => log.Category.StartsWith("Gateway.", StringComparison.Ordinal) && log.Level >= LogLevel.Warning).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", lines.Select(log => $"{log.EventId} {log.Message}")));
        Assert.InRange(lines.Count, 1, 4);
        Assert.Single(gateway.Logs.Events, log => log.EventId == EventIds.DeliverySettlement.NotDelivered);
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(log => log.EventId == EventIds.DeliverySettlement.Recovered), "the recovery line");
    }

    [Fact]
    public async Task PlainHttpOnTheHttpsPort_IsAnsweredWithAOneLineHint()
    {
        using var pki = new TestPki();
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }));
        using var plain = new HttpClient { BaseAddress = new Uri($"http://{gateway.BaseAddress.Authority}") };

        using var first = await plain.GetAsync("/v1.0/healthz");
        using var second = await plain.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var hint = await first.Content.ReadAsStringAsync();
        Assert.Single(hint.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("HTTPS with client certificates (mTLS), not plain HTTP", hint, StringComparison.Ordinal);
        Assert.Single(gateway.Logs.Events, log => log.EventId == EventIds.PlainHttpHint.First);
        using var secure = gateway.ClientFor("publisher");
        Assert.Equal(HttpStatusCode.NoContent, (await secure.PostAsync("/v1.0/publish/pubsub/orders", new StringContent("{}"))).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
