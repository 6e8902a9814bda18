using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Subscriptions;

/// <summary>
/// Consumer groups with Dapr's markers: resolved per subscribing app where the group belongs to an app, per
/// replica for <c>{podName}</c>; what an app declares itself resolves with its own ID and cannot reach another
/// app's group.
/// </summary>
public sealed class ConsumerGroupsTests
{
    [Fact]
    public async Task ComponentConsumerIdAppId_GivesEveryAppItsOwnGroup_AndEveryReplicaTheSame()
    {
        await using var replica1 = Registry("gateway-0", ("consumerID", "{appID}"));
        await using var replica2 = Registry("gateway-1", ("consumerID", "{appID}"));

        Assert.Equal("orders", Group(replica1, "orders"));
        Assert.Equal("billing", Group(replica1, "billing"));
        Assert.Equal("orders", Group(replica2, "orders"));
    }

    [Fact]
    public async Task Namespace_IsDaprsNamespaceDotAppId()
    {
        await using var registry = Registry("gateway-0", ("consumerID", "{namespace}"));

        Assert.Equal("shop.orders", Group(registry, "orders"));
        Assert.Equal("shop.billing", Group(registry, "billing"));
    }

    [Fact]
    public async Task PodName_IsTheReplicaName()
    {
        await using var replica1 = Registry("gateway-0", ("consumerGroup", "{appID}-{podName}"));
        await using var replica2 = Registry("gateway-1", ("consumerGroup", "{appID}-{podName}"));

        Assert.Equal("orders-gateway-0", Group(replica1, "orders"));
        Assert.Equal("orders-gateway-1", Group(replica2, "orders"));
    }

    [Fact]
    public async Task Uuid_IsOnePerAppForTheComponentsLife()
    {
        await using var registry = Registry("gateway-0", ("consumerID", "{uuid}"));

        var orders = Group(registry, "orders");
        Assert.True(Guid.TryParse(orders, out _));
        Assert.Equal(orders, Group(registry, "orders"));
        Assert.NotEqual(orders, Group(registry, "billing"));
    }

    [Fact]
    public async Task ConsumerGroupWinsOverConsumerId()
    {
        await using var registry = Registry("gateway-0", ("consumerID", "ignored"), ("consumerGroup", "{appID}-group"));

        Assert.Equal("orders-group", Group(registry, "orders"));
    }

    [Fact]
    public async Task NoGroupMetadata_IsTheAppId()
    {
        await using var registry = Registry("gateway-0");

        Assert.Equal("orders", Group(registry, "orders"));
    }

    [Fact]
    public async Task AppDeclaredAppIdMarker_IsItsOwnGroup_AndAccepted()
    {
        await using var registry = Registry("gateway-0", ("consumerID", "{appID}"));
        var definition = Definition(SubscriptionType.Programmatic, ("consumerID", "{appID}"));

        Assert.Null(ConsumerGroups.Refusal(definition, Component(registry), "mallory"));
        Assert.Equal("mallory", ConsumerGroups.For(definition, Component(registry), "mallory"));
    }

    [Theory]
    [InlineData("{podName}")]
    [InlineData("{uuid}")]
    [InlineData("{namespace}")]
    [InlineData("victim")]
    public async Task AppDeclaredGroupOtherThanItsOwn_IsRefused(string asked)
    {
        await using var registry = Registry("gateway-0", ("consumerID", "{appID}"));

        var refusal = ConsumerGroups.Refusal(Definition(SubscriptionType.Programmatic, ("consumerGroup", asked)), Component(registry), "mallory");

        Assert.NotNull(refusal);
        Assert.Contains("('mallory' here)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppDeclaredPodName_IsAccepted_WhenTheOperatorChoseItForTheComponent()
    {
        await using var registry = Registry("gateway-0", ("consumerID", "{podName}"));

        Assert.Null(ConsumerGroups.Refusal(Definition(SubscriptionType.Programmatic, ("consumerID", "{podName}")), Component(registry), "app"));
    }

    [Fact]
    public async Task DeclarativeSubscriptionMarkers_ResolvePerApp()
    {
        await using var registry = Registry("gateway-0");
        var definition = Definition(SubscriptionType.Declarative, ("consumerGroup", "{appID}-audit"));

        Assert.Equal("orders-audit", ConsumerGroups.For(definition, Component(registry), "orders"));
        Assert.Equal("billing-audit", ConsumerGroups.For(definition, Component(registry), "billing"));
    }

    private static ComponentRegistry Registry(string podName, params (string Name, string Value)[] metadata)
    {
        var spec = new ComponentSpec(
            "pubsub", "shop", "pubsub.in-memory", "v1", [.. metadata.Select(pair => KeyValuePair.Create(pair.Name, pair.Value))], [], new ResourceLocation("resources.yaml", 1));
        return ComponentRegistry.Create(new ResourceSet([spec], [], [], []), DriverCatalog.Default, NullLoggerFactory.Instance, TimeProvider.System, podName);
    }

    private static PubsubComponent Component(ComponentRegistry registry) => registry.All.Single();

    private static string Group(ComponentRegistry registry, string appId) =>
        ConsumerGroups.For(Definition(SubscriptionType.Declarative), Component(registry), appId);

    private static SubscriptionDefinition Definition(SubscriptionType type, params (string Name, string Value)[] metadata) =>
        new(null, "shop", "pubsub", "orders", [], null, metadata.ToDictionary(pair => pair.Name, pair => pair.Value), [], type);
}
