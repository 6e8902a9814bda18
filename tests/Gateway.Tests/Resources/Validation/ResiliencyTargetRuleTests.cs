namespace Gateway.Tests.Resources.Validation;

public sealed class ResiliencyTargetRuleTests
{
    [Fact]
    public void Check_TargetNamingNoComponent_LoadsWithAWarning()
    {
        var resiliency = ResourceYaml.Resiliency("policies:\n  retries: {r: {}}\ntargets:\n  components:\n    pubsb:\n      inbound: {retry: r}");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, resiliency));

        ResultAssert.Loaded(result);
        ResultAssert.SingleWarning(result, "'spec.targets.components.pubsb' names no pub/sub Component in namespace 'default'");
    }

    [Fact]
    public void Check_TargetNamingAComponent_GivesNoWarning()
    {
        var resiliency = ResourceYaml.Resiliency("policies:\n  retries: {r: {}}\ntargets:\n  components:\n    pubsub:\n      inbound: {retry: r}");

        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, resiliency));

        ResultAssert.Loaded(result);
        Assert.Empty(result.Warnings);
    }
}
