namespace Gateway.Tests.Resources.Validation;

public sealed class RouteExpressionRuleTests
{
    [Fact]
    public void Check_MatchOutsideTheSubset_IsAnErrorWithTheColumn()
    {
        var subscription = ResourceYaml.Subscription("pubsubname: pubsub\ntopic: t\nroutes:\n  rules:\n  - match: event.type = \"a\"\n    path: /a\n  default: /t");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, subscription));

        ResultAssert.SingleError(result, "resource 'orders-sub' (Subscription): 'spec.routes' rules[0] (path '/a')", "column 12: expected '==' but found '='");
    }

    [Fact]
    public void Check_SupportedMatches_LoadWithoutErrors()
    {
        var subscription = ResourceYaml.Subscription(
            "pubsubname: pubsub\ntopic: t\nroutes:\n  rules:\n  - match: event.type == \"a\" && has(event.data.x)\n    path: /a\n  - match: \"\"\n    path: /b\n  default: /t");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, subscription));

        Assert.Empty(result.Errors);
    }
}
