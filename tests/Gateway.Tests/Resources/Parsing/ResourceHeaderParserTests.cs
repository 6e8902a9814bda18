using Gateway.Resources;

namespace Gateway.Tests.Resources.Parsing;

public sealed class ResourceHeaderParserTests
{
    private const string Spec = "spec:\n  type: pubsub.in-memory";

    [Theory]
    [InlineData("apiVersion: \"\"\nkind: Component\nmetadata:\n  name: p\n" + Spec, "field 'apiVersion' is empty")]
    [InlineData("apiVersion: dapr.io/v1alpha1\nkind: \"\"\nmetadata:\n  name: p\n" + Spec, "field 'kind' is empty")]
    [InlineData("apiVersion: dapr.io/v1alpha1\nkind: Component\n" + Spec, "field 'metadata' is required")]
    [InlineData("apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  namespace: prod\n" + Spec, "field 'metadata.name' is required")]
    [InlineData("apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: \"\"\n" + Spec, "field 'metadata.name' is empty")]
    public void Parse_MissingCommonField_IsReportedByName(string yaml, string expected)
    {
        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), expected);
    }

    [Theory]
    [InlineData("orders/v2")]
    [InlineData("\" orders\"")]
    public void Parse_InvalidName_IsRejectedWithTheRule(string name)
    {
        var yaml = $"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: {name}\n{Spec}";

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "resources.yaml:4:", "is not a valid name", "without '/'");
    }

    [Fact]
    public void Parse_NoNamespace_UsesDefault()
    {
        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.InMemoryComponent));

        Assert.Equal("default", Assert.Single(set.Components).Namespace);
    }

    [Fact]
    public void Parse_NamespaceGiven_IsKept()
    {
        var yaml = ResourceYaml.InMemoryComponent.Replace("  name: pubsub", "  name: pubsub\n  namespace: prod", StringComparison.Ordinal);

        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(yaml));

        Assert.Equal("prod", Assert.Single(set.Components).Namespace);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_ListsTheAllowedOnes()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.InMemoryComponent + "\nstatus: {}");

        ResultAssert.SingleError(result, "resources.yaml:10: resource 'pubsub' (Component): unknown field 'status'", "apiVersion, kind, metadata, spec, scopes, auth");
    }

    [Fact]
    public void Parse_UnknownMetadataField_ListsTheAllowedOnes()
    {
        var yaml = ResourceYaml.InMemoryComponent.Replace("  name: pubsub", "  name: pubsub\n  generation: 3", StringComparison.Ordinal);

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "unknown field 'metadata.generation'", "name, namespace, labels, annotations");
    }

    [Fact]
    public void Parse_LabelsAndAnnotations_AreAccepted()
    {
        var yaml = ResourceYaml.InMemoryComponent.Replace("  name: pubsub", "  name: pubsub\n  labels: {team: a}\n  annotations:\n    note: b", StringComparison.Ordinal);

        ResultAssert.Loaded(ResourceFolder.LoadSingle(yaml));
    }

    [Fact]
    public void Parse_ScopesThatAreNotAList_AreReportedWithTheExpectedType()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.InMemoryComponent + "\nscopes: checkout");

        ResultAssert.SingleError(result, "field 'scopes' must be a list, but a single value was given");
    }

    [Fact]
    public void Parse_Scopes_AreKeptInOrder()
    {
        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.InMemoryComponent + "\nscopes: [checkout, billing]"));

        Assert.Equal(["checkout", "billing"], Assert.Single(set.Components).Scopes);
    }

    [Fact]
    public void Parse_AuthSecretStoreOfAComponentWithoutSecretKeyRef_LoadsWithoutAWarning()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.InMemoryComponent + "\nauth:\n  secretStore: vault");

        ResultAssert.Loaded(result);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_AuthSecretStoreOfASubscription_HasNoEffect_AndSaysSo()
    {
        var subscription = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}") + "\nauth:\n  secretStore: vault";

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, subscription));

        ResultAssert.SingleWarning(result, "'auth.secretStore' has no effect on a Subscription");
    }
}
