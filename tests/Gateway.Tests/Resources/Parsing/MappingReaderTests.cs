namespace Gateway.Tests.Resources.Parsing;

public sealed class MappingReaderTests
{
    [Theory]
    [InlineData("type: [pubsub.in-memory]", "field 'spec.type' must be a single value (text), but a list was given")]
    [InlineData("type: pubsub.in-memory\n  metadata: {a: b}", "field 'spec.metadata' must be a list, but a mapping was given")]
    [InlineData("type: pubsub.in-memory\n  ignoreErrors: maybe", "field 'spec.ignoreErrors' must be true or false, but is 'maybe'")]
    public void Read_WrongType_NamesTheFieldAndTheExpectedType(string spec, string expected)
    {
        var yaml = $"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: p\nspec:\n  {spec}";

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), expected);
    }

    [Fact]
    public void Read_SpecThatIsNotAMapping_IsReported()
    {
        var yaml = "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: p\nspec: pubsub.in-memory";

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "field 'spec' must be a mapping of fields, but a single value was given");
    }

    [Fact]
    public void Read_FieldNamesInOtherCase_AreAcceptedAsDaprDoes()
    {
        var yaml = ResourceYaml.InMemoryComponent + "\n---\n" + ResourceYaml.Subscription("pubsubName: pubsub\nTopic: orders\nroutes:\n  Default: /orders");

        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(yaml));

        Assert.Equal("/orders", Assert.Single(Assert.Single(set.Subscriptions).Rules).Path);
    }

    [Fact]
    public void Read_SameFieldTwiceInDifferentCase_IsReported()
    {
        var yaml = ResourceYaml.InMemoryComponent + "\n---\n" + ResourceYaml.Subscription("pubsubname: pubsub\npubsubName: other\ntopic: orders");

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "field 'spec.pubsubname' is given more than once");
    }

    [Fact]
    public void Read_UnknownNestedField_GivesTheFullPath()
    {
        var yaml = ResourceYaml.InMemoryComponent + "\n---\n" + ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes:\n  rules:\n    - path: /a\n      when: x");

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "unknown field 'spec.routes.rules[0].when'; allowed fields here are: match, path");
    }
}
