using System.Net;
using System.Text;
using Gateway.Subscriptions;
using Gateway.Delivery;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// The official Dapr JavaScript SDK's bulk subscriber (<c>DaprServer.pubsub.subscribeBulk</c>), unchanged,
/// as an independent judge of the bulk envelope and of how the gateway reads its <c>statuses</c> reply.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class BulkDaprJsSdkTests
{
    [Fact]
    public async Task DaprServerSubscribeBulk_ReceivesEveryEvent_AndItsRetryIsDeliveredAgain()
    {
        using var pki = new TestPki();
        var environment = NodeScript.AppEnvironment(pki, "js-bulk");
        var appPort = FreeTcpPort.Next();
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "100ms" }),
            TestAssets.Yaml("apps/app-insecure-loopback.yaml", new { name = "js-bulk", port = appPort })));
        environment["GATEWAY_PORT"] = gateway.BaseAddress.Port.ToString();
        environment["APP_PORT"] = appPort.ToString();

        await using var subscriber = NodeScript.Start("dapr-bulk-subscriber.js", environment);
        await subscriber.WaitForLineAsync("\"started\"");
        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();
        await Eventually.TrueAsync(
            () => manager.Statuses.Any(s => s.App.AppId == "js-bulk" && s.State == SubscriptionState.Running && s.Definition.BulkSubscribe?.Enabled == true),
            "the SDK's bulk subscription running");
        var running = manager.Statuses.Single(s => s.App.AppId == "js-bulk");
        Assert.Equal(3, running.Definition.BulkSubscribe!.MaxMessagesCount);
        Assert.Equal(100, running.Definition.BulkSubscribe.MaxAwaitDurationMs);

        using var client = gateway.ClientFor("js-publisher");
        var markers = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();
        var retried = Guid.NewGuid().ToString();
        foreach (var json in markers.Select(marker => $$"""{"marker":"{{marker}}"}""").Append($$"""{"marker":"{{retried}}","retry":true}"""))
        {
            using var response = await client.PostAsync("/v1.0/publish/pubsub/bulk-orders", new StringContent(json, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        foreach (var marker in markers)
        {
            await subscriber.WaitForLineAsync("\"success\"", marker);
        }

        await subscriber.WaitForLineAsync("\"retry\"", retried);
        await subscriber.WaitForLineAsync("\"success\"", retried);
    }
}
