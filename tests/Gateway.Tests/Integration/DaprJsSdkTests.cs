using System.Net;
using Gateway.Subscriptions;
using Gateway.Delivery;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// The official Dapr JavaScript SDK (@dapr/dapr from npm), unchanged, as an independent judge: a
/// DaprServer subscriber app and a DaprClient publisher talk to the gateway as they would to a sidecar,
/// the client side over mTLS with their own SVIDs.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DaprJsSdkTests
{
    [Fact]
    public async Task DaprClientPublishes_DaprServerReceives_IncludingRetryAndDeadLetter()
    {
        using var pki = new TestPki();
        var subscriberEnvironment = NodeScript.AppEnvironment(pki, "js-subscriber");
        var publisherEnvironment = NodeScript.AppEnvironment(pki, "js-publisher");
        var appPort = FreeTcpPort.Next();
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "100ms" }),
            TestAssets.Yaml("apps/app-insecure-loopback.yaml", new { name = "js-subscriber", port = appPort })));
        subscriberEnvironment["GATEWAY_PORT"] = publisherEnvironment["GATEWAY_PORT"] = gateway.BaseAddress.Port.ToString();
        subscriberEnvironment["APP_PORT"] = appPort.ToString();

        Assert.Contains(gateway.Logs.Events, e => e.EventId == 2201 && e.Properties.GetValueOrDefault("AppId") == "js-subscriber");
        await using var subscriber = NodeScript.Start("dapr-subscriber.js", subscriberEnvironment);
        await subscriber.WaitForLineAsync("\"started\"");
        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();
        try
        {
            await Eventually.TrueAsync(
                () => manager.Statuses.Count(s => s.App.AppId == "js-subscriber" && s.State == SubscriptionState.Running) >= 3,
                "the SDK's three subscriptions (orders, payments, payments-dead) running");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + string.Join("\n", manager.Statuses.Select(s => $"{s.Definition.Topic}: {s.State} {s.Reason}"))
                + "\n" + string.Join("\n", gateway.Logs.Events.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning || e.EventId / 100 == 32).Select(e => e.Message)));
        }

        var plain = Guid.NewGuid().ToString();
        await PublishAsync(publisherEnvironment, "orders", $$"""{"marker":"{{plain}}"}""");
        await subscriber.WaitForLineAsync("\"success\"", plain);

        var retried = Guid.NewGuid().ToString();
        await PublishAsync(publisherEnvironment, "orders", $$"""{"marker":"{{retried}}","retry":true}""");
        await subscriber.WaitForLineAsync("\"retry\"", retried);
        await subscriber.WaitForLineAsync("\"success\"", retried);

        var dropped = Guid.NewGuid().ToString();
        await PublishAsync(publisherEnvironment, "payments", $$"""{"marker":"{{dropped}}"}""");
        await subscriber.WaitForLineAsync("\"drop\"", dropped);
        await subscriber.WaitForLineAsync("\"deadletter\"", dropped);
    }

    private static async Task PublishAsync(Dictionary<string, string> environment, string topic, string json)
    {
        await using var publisher = NodeScript.Start("dapr-publisher.js", environment, topic, json);
        Assert.Equal(0, await publisher.WaitForExitAsync());
        Assert.Contains("""{"error":null}""", publisher.Lines);
    }
}
