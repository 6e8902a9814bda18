using Gateway.Resources;

namespace Gateway.Tests.Resources.Parsing;

public sealed class SubscriptionParserTests
{
    private static ResourceLoadResult LoadWithComponent(string subscription) =>
        ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, subscription));

    [Fact]
    public void Parse_V2Routes_GiveRulesInOrderThenTheDefault()
    {
        var yaml = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: orders\nroutes:\n  rules:\n    - match: event.type == \"a\"\n      path: /a\n    - path: /b\n  default: /c");

        var subscription = Assert.Single(ResultAssert.Loaded(LoadWithComponent(yaml)).Subscriptions);

        Assert.Equal([new RouteRuleSpec("event.type == \"a\"", "/a"), new RouteRuleSpec(string.Empty, "/b"), new RouteRuleSpec(null, "/c")], subscription.Rules);
        Assert.Equal(("dapr.io/v2alpha1", "pubsub", "orders"), (subscription.ApiVersion, subscription.PubsubName, subscription.Topic));
    }

    [Fact]
    public void Parse_V1Route_BecomesTheOnlyFallbackRule()
    {
        var yaml = "apiVersion: dapr.io/v1alpha1\nkind: Subscription\nmetadata:\n  name: s\nspec:\n  pubsubname: pubsub\n  topic: orders\n  route: /orders";

        var subscription = Assert.Single(ResultAssert.Loaded(LoadWithComponent(yaml)).Subscriptions);

        Assert.Equal([new RouteRuleSpec(null, "/orders")], subscription.Rules);
    }

    [Fact]
    public void Parse_V1WithRoutes_IsAnUnknownField()
    {
        var yaml = "apiVersion: dapr.io/v1alpha1\nkind: Subscription\nmetadata:\n  name: s\nspec:\n  pubsubname: pubsub\n  topic: orders\n  routes:\n    default: /a";

        ResultAssert.SingleError(LoadWithComponent(yaml), "unknown field 'spec.routes'", "route, deadLetterTopic");
    }

    [Theory]
    [InlineData("topic: orders", "field 'spec.pubsubname' is required")]
    [InlineData("pubsubname: pubsub", "field 'spec.topic' is required")]
    public void Parse_MissingPubsubNameOrTopic_IsReported(string spec, string expected)
    {
        var result = LoadWithComponent(ResourceYaml.Subscription(spec + "\nroutes:\n  default: /a"));

        ResultAssert.SingleError(result, expected);
    }

    [Fact]
    public void Parse_RuleWithoutPath_IsReported()
    {
        var yaml = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes:\n  rules:\n    - match: event.type == \"a\"");

        ResultAssert.SingleError(LoadWithComponent(yaml), "field 'spec.routes.rules[0].path' is required");
    }

    [Fact]
    public void Parse_NoRoute_LoadsWithAWarningThatMessagesWillBeDropped()
    {
        var result = LoadWithComponent(ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t"));

        Assert.Empty(Assert.Single(ResultAssert.Loaded(result).Subscriptions).Rules);
        ResultAssert.SingleWarning(result, "no route, so every message will be dropped");
    }

    [Fact]
    public void Parse_DeadLetterMetadataAndScopes_AreKept()
    {
        var yaml = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}\ndeadLetterTopic: poison\nmetadata:\n  rawPayload: true\n  maxLen: 10") + "\nscopes: [a, b]";

        var subscription = Assert.Single(ResultAssert.Loaded(LoadWithComponent(yaml)).Subscriptions);

        Assert.Equal("poison", subscription.DeadLetterTopic);
        Assert.Equal(new Dictionary<string, string> { ["rawPayload"] = "true", ["maxLen"] = "10" }, subscription.Metadata);
        Assert.Equal(["a", "b"], subscription.Scopes);
        Assert.Null(subscription.BulkSubscribe);
    }

    [Fact]
    public void Parse_BulkSubscribeWithOnlyEnabled_UsesTheDefaults()
    {
        var yaml = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}\nbulkSubscribe:\n  enabled: true");

        var subscription = Assert.Single(ResultAssert.Loaded(LoadWithComponent(yaml)).Subscriptions);

        Assert.Equal(new BulkSubscribeSpec(true, 100, 1000), subscription.BulkSubscribe);
    }

    [Theory]
    [InlineData("maxMessagesCount: 0", "'spec.bulkSubscribe.maxMessagesCount' must be a whole number of at least 1")]
    [InlineData("maxAwaitDurationMs: -1", "'spec.bulkSubscribe.maxAwaitDurationMs' must be a whole number of at least 0")]
    [InlineData("enabled: sure", "'spec.bulkSubscribe.enabled' must be true or false")]
    [InlineData("batch: 5", "unknown field 'spec.bulkSubscribe.batch'")]
    public void Parse_BadBulkSubscribe_IsReported(string field, string expected)
    {
        var yaml = ResourceYaml.Subscription($"pubsubname: pubsub\ntopic: t\nroutes: {{default: /t}}\nbulkSubscribe:\n  {field}");

        ResultAssert.SingleError(LoadWithComponent(yaml), expected);
    }

    [Fact]
    public void Parse_MetadataValueThatIsAList_IsReported()
    {
        var yaml = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes: {default: /t}\nmetadata:\n  rawPayload: [true]");

        ResultAssert.SingleError(LoadWithComponent(yaml), "'spec.metadata.rawPayload' must be a single value (text), but a list was given");
    }
}
