namespace Gateway.Tests.Resources.Validation;

public sealed class SubscriptionComponentRuleTests
{
    [Fact]
    public void Check_UnknownPubsubName_IsSkippedWithAWarningListingTheComponentsOfTheNamespace()
    {
        var subscription = ResourceYaml.Subscription("pubsubname: pubsb\ntopic: t\nroutes: {default: /t}");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, subscription));

        Assert.Empty(ResultAssert.Loaded(result).Subscriptions);
        ResultAssert.SingleWarning(result, "resources.yaml:16: resource 'orders-sub' (Subscription): 'spec.pubsubname' is 'pubsb'", "namespace 'default' are: pubsub", "is skipped");
    }

    [Fact]
    public void Check_ComponentInAnotherNamespace_DoesNotCount_AndTheSubscriptionIsSkipped()
    {
        var component = ResourceYaml.InMemoryComponent.Replace("  name: pubsub", "  name: pubsub\n  namespace: prod", StringComparison.Ordinal);
        var subscription = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(component, subscription));

        Assert.Empty(ResultAssert.Loaded(result).Subscriptions);
        ResultAssert.SingleWarning(result, "no pub/sub Component is defined in namespace 'default'");
    }

    [Fact]
    public void Check_ComponentThatHasItsOwnErrors_StillCountsAsDefined()
    {
        var component = ResourceYaml.InMemoryComponent.Replace("value: 100", "value: none", StringComparison.Ordinal);
        var subscription = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(component, subscription));

        ResultAssert.SingleError(result, "metadata 'maxPendingMessages': must be a positive integer");
    }

    [Fact]
    public void Check_NonPubSubComponentOfThatName_DoesNotCount()
    {
        var state = "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: store\nspec:\n  type: state.redis";
        var subscription = ResourceYaml.Subscription("pubsubname: store\ntopic: t\nroutes: {default: /t}");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(state, subscription));

        Assert.Empty(ResultAssert.Loaded(result).Subscriptions);
        Assert.Contains(result.Warnings, warning => warning.Message.StartsWith("'spec.pubsubname' is 'store'", StringComparison.Ordinal));
    }
}
