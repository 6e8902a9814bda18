namespace Gateway.Tests.Resources.Validation;

public sealed class ConsumerGroupMarkerRuleTests
{
    [Theory]
    [InlineData("{podName}")]
    [InlineData("group-{uuid}-{podName}")]
    public void PerReplicaMarkerWithoutTheApp_WarnsThatAppsShareTheGroup(string value)
    {
        var result = ResourceFolder.LoadSingle(MarkerYaml.Component("consumerID", value));

        ResultAssert.SingleWarning(result, "metadata 'consumerID'", "every app that subscribes through this component shares one consumer group on each gateway replica", "write '{appID}'");
    }

    [Theory]
    [InlineData("{appID}-{podName}")]
    [InlineData("{namespace}-{uuid}")]
    public void PerReplicaMarkerWithTheApp_WarnsThatEveryReplicaDeliversEveryMessage(string value)
    {
        var result = ResourceFolder.LoadSingle(MarkerYaml.Component("consumerGroup", value));

        Assert.Contains(result.Warnings, warning => warning.Message.Contains("an app receives each message once per replica", StringComparison.Ordinal));
    }

    [Fact]
    public void AppIdAlone_DoesNotWarn()
    {
        Assert.Empty(ResourceFolder.LoadSingle(MarkerYaml.Component("consumerGroup", "orders-{appID}")).Warnings);
    }
}
