namespace Gateway.Tests.Resources.Validation;

public sealed class DuplicateAppIdRuleTests
{
    [Fact]
    public void Check_TwoAppsWithTheSameAppId_IsReportedNamingTheFirst()
    {
        var first = ResourceYaml.App("baseUrl: https://a:1");
        var second = ResourceYaml.App("appId: orders\nbaseUrl: https://b:1").Replace("name: orders", "name: orders-copy", StringComparison.Ordinal);

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(first, second));

        ResultAssert.SingleError(result, "resource 'orders-copy' (App): app ID 'orders' in namespace 'default' is already described by App 'orders' at resources.yaml:1");
    }

    [Fact]
    public void Check_SameAppIdInAnotherNamespace_IsAllowed()
    {
        var first = ResourceYaml.App("baseUrl: https://a:1");
        var second = ResourceYaml.App("baseUrl: https://b:1").Replace("  name: orders", "  name: orders\n  namespace: prod", StringComparison.Ordinal);

        Assert.Equal(2, ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.Documents(first, second))).Apps.Count);
    }
}
