using Gateway.Subscriptions;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// The official Dapr JS SDK (@dapr/dapr) in gRPC mode (<c>CommunicationProtocolEnum.GRPC</c>), unchanged, against
/// the gateway's gRPC API over mTLS.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DaprJsSdkGrpcTests(GatewayFixture fixture)
{
    [Fact]
    public async Task DaprClientOverGrpc_Publishes_SubscriberReceivesCloudEvent()
    {
        var environment = NodeScript.AppEnvironment(fixture.Pki, "js-grpc-publisher");
        environment["GATEWAY_PORT"] = fixture.Gateway.BaseAddress.Port.ToString();
        environment["DAPR_PROTOCOL"] = "grpc";
        var marker = Guid.NewGuid().ToString();

        await using (var publisher = NodeScript.Start("dapr-publisher.js", environment, "orders", $$"""{"marker":"{{marker}}"}"""))
        {
            Assert.Equal(0, await publisher.WaitForExitAsync());
            Assert.Contains("""{"error":null}""", publisher.Lines);
        }

        await Eventually.TrueAsync(() => fixture.Subscriber.Received.Any(d => d.Path == "/orders" && d.BodyText.Contains(marker, StringComparison.Ordinal)), "the JS SDK's event");
        var delivery = fixture.Subscriber.Received.First(d => d.Path == "/orders" && d.BodyText.Contains(marker, StringComparison.Ordinal));
        var cloudEvent = CloudEventsSdk.Parse(delivery);
        Assert.Equal("js-grpc-publisher", cloudEvent.Source?.ToString());
        Assert.Equal(marker, delivery.Json.GetProperty("data").GetProperty("marker").GetString());
    }

    [Fact]
    public async Task DaprServerOverGrpc_ReceivesThroughAppCallback_IncludingRetry()
    {
        var pki = fixture.Pki;
        var subscriberEnvironment = NodeScript.AppEnvironment(pki, "js-grpc-subscriber");
        var publisherEnvironment = NodeScript.AppEnvironment(pki, "js-grpc-publisher");
        var appPort = FreeTcpPort.Next();
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "100ms" }),
            TestAssets.Yaml("apps/app-grpc-insecure-loopback.yaml", new { name = "js-grpc-subscriber", port = appPort })));
        subscriberEnvironment["GATEWAY_PORT"] = publisherEnvironment["GATEWAY_PORT"] = gateway.BaseAddress.Port.ToString();
        subscriberEnvironment["APP_PORT"] = appPort.ToString();
        publisherEnvironment["DAPR_PROTOCOL"] = "grpc";

        await using var subscriber = NodeScript.Start("dapr-grpc-subscriber.js", subscriberEnvironment);
        await subscriber.WaitForLineAsync("\"started\"");
        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();
        await Eventually.TrueAsync(() => manager.Statuses.Any(s => s.App.AppId == "js-grpc-subscriber" && s.State == SubscriptionState.Running), "the SDK's subscription running");

        var plain = Guid.NewGuid().ToString();
        var retried = Guid.NewGuid().ToString();
        foreach (var json in new[] { $$"""{"marker":"{{plain}}"}""", $$"""{"marker":"{{retried}}","retry":true}""" })
        {
            await using var publisher = NodeScript.Start("dapr-publisher.js", publisherEnvironment, "orders", json);
            Assert.Equal(0, await publisher.WaitForExitAsync());
            Assert.Contains("""{"error":null}""", publisher.Lines);
        }

        await subscriber.WaitForLineAsync("\"success\"", plain);
        await subscriber.WaitForLineAsync("\"retry\"", retried);
        await subscriber.WaitForLineAsync("\"success\"", retried);
    }
}
