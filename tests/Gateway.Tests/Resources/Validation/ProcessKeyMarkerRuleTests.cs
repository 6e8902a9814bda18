namespace Gateway.Tests.Resources.Validation;

public sealed class ProcessKeyMarkerRuleTests
{
    [Fact]
    public void AppIdInAKeyOfTheProcess_WarnsWithTheValueItGets()
    {
        var result = ResourceFolder.LoadSingle(MarkerYaml.Component("maxPendingMessages", "{appID}"));

        Assert.Contains(result.Warnings, warning => warning.Message.StartsWith("metadata 'maxPendingMessages': '{appID}' name no single app here", StringComparison.Ordinal)
            && warning.Message.Contains("so the value is 'gateway'", StringComparison.Ordinal));
    }

    [Fact]
    public void PodNameInAKeyOfTheProcess_DoesNotWarn()
    {
        Assert.DoesNotContain(ResourceFolder.LoadSingle(MarkerYaml.Component("maxPendingMessages", "{podName}")).Warnings, warning => warning.Message.Contains("no single app", StringComparison.Ordinal));
    }
}
