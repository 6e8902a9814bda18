using Gateway.Tests.TestSupport;

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
}
