namespace Gateway.Tests.Resources.Validation;

public sealed class DuplicateDefinitionRuleTests
{
    [Fact]
    public void Check_SameKindNamespaceAndNameTwice_NamesBothLocations()
    {
        using var folder = new ResourceFolder()
            .With("a.yaml", ResourceYaml.InMemoryComponent)
            .With("b.yaml", ResourceYaml.InMemoryComponent);

        ResultAssert.SingleError(folder.Load(), "b.yaml:1: resource 'pubsub' (Component): duplicate definition", "already defined at a.yaml:1");
    }

    [Fact]
    public void Check_SameNameInAnotherNamespace_IsAllowed()
    {
        var other = ResourceYaml.InMemoryComponent.Replace("  name: pubsub", "  name: pubsub\n  namespace: prod", StringComparison.Ordinal);

        ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, other)));
    }

    [Fact]
    public void Check_SameNameForAnotherKind_IsAllowed()
    {
        var subscription = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}").Replace("name: orders-sub", "name: pubsub", StringComparison.Ordinal);

        ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, subscription)));
    }

    [Fact]
    public void Check_SubscriptionNamedTwiceAcrossApiVersions_IsADuplicate()
    {
        var v2 = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}");
        var v1 = "apiVersion: dapr.io/v1alpha1\nkind: Subscription\nmetadata:\n  name: orders-sub\nspec:\n  pubsubname: pubsub\n  topic: t\n  route: /t";

        ResultAssert.SingleError(ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, v2, v1)), "duplicate definition: a Subscription named 'orders-sub'");
    }
}
