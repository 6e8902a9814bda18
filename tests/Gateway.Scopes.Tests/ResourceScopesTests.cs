namespace Gateway.Scopes.Tests;

public class ResourceScopesTests
{
    /// <summary>Dapr's declarative-subscription scopes test: sub1..sub5 seen by app1 and app2.</summary>
    public static TheoryData<string, string[]?, bool, bool> SubscriptionTable => new()
    {
        { "sub1 scopes absent", null, true, true },
        { "sub2 scopes []", [], true, true },
        { "sub3 scopes [app1]", ["app1"], true, false },
        { "sub4 scopes [app2]", ["app2"], false, true },
        { "sub5 scopes [app1, app2]", ["app1", "app2"], true, true },
    };

    [Theory]
    [MemberData(nameof(SubscriptionTable))]
    public void AppliesTo_DaprSubscriptionTable_LoadsForTheListedApps(
        string subscription, string[]? scopes, bool forApp1, bool forApp2)
    {
        Assert.True(forApp1 == ResourceScopes.AppliesTo(scopes, "app1"), $"{subscription} for app1");
        Assert.True(forApp2 == ResourceScopes.AppliesTo(scopes, "app2"), $"{subscription} for app2");
    }

    [Theory]
    [InlineData("App1")]
    [InlineData("app1 ")]
    [InlineData(" app1")]
    [InlineData("app")]
    public void AppliesTo_AppIdNotExactlyListed_IsFalse(string appId)
    {
        Assert.False(ResourceScopes.AppliesTo(["app1"], appId));
    }
}
