using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Tests.Pubsub;

/// <summary>What a driver receives: its own keys' markers replaced for this replica, the consumer-group keys as written.</summary>
public sealed class ComponentMarkersTests
{
    [Fact]
    public void DriverMetadata_ReplacesMarkersOfTheDriversKeysPerReplica_AndLeavesConsumerGroupsToTheSubscriptions()
    {
        var markers = new ComponentMarkers(Spec(("clientID", "{podName}"), ("consumerGroup", "{appID}"), ("consumerID", "{podName}"), ("label", "{appID}@{namespace}")), "gateway-3");

        var metadata = markers.DriverMetadata();

        Assert.Equal("gateway-3", metadata["clientID"]);
        Assert.Equal("{appID}", metadata["consumerGroup"]);
        Assert.Equal("{podName}", metadata["CONSUMERID"]);
        Assert.Equal("gateway@shop.gateway", metadata["label"]);
    }

    [Fact]
    public void DriverMetadata_EveryUuidIsFresh_AtEveryDriverStart()
    {
        var markers = new ComponentMarkers(Spec(("clientID", "client-{uuid}")), "gateway-3");

        var first = markers.DriverMetadata()["clientID"];
        var second = markers.DriverMetadata()["clientID"];

        Assert.StartsWith("client-", first, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(first["client-".Length..], out _));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void GroupFor_AnAppDeclaredUuidTemplate_IsNeverKept()
    {
        var markers = new ComponentMarkers(Spec(), "gateway-3");

        Assert.NotEqual(markers.GroupFor("{uuid}", "app", operatorWritten: false), markers.GroupFor("{uuid}", "app", operatorWritten: false));
        Assert.Equal(markers.GroupFor("{uuid}", "app", operatorWritten: true), markers.GroupFor("{uuid}", "app", operatorWritten: true));
    }

    private static ComponentSpec Spec(params (string Name, string Value)[] metadata) =>
        new("pubsub", "shop", "pubsub.kafka", "v1", [.. metadata.Select(pair => KeyValuePair.Create(pair.Name, pair.Value))], [], new ResourceLocation("resources.yaml", 1));
}
