namespace Gateway.Tests.Resources.Validation;

public sealed class MarkerSpellingRuleTests
{
    [Fact]
    public void AMarkerInAnotherCase_Warns_WithTheRightSpellingAndTheSharedGroup()
    {
        var result = ResourceFolder.LoadSingle(MarkerYaml.Component("consumerID", "{appId}"));

        ResultAssert.Loaded(result);
        ResultAssert.SingleWarning(result, "resources.yaml:8: resource 'pubsub' (Component): metadata 'consumerID': '{appId}' is not a marker",
            "every app that subscribes through this component shares that one consumer group", "did you mean '{appID}'?");
    }

    [Fact]
    public void ExactMarkers_DoNotWarn()
    {
        Assert.Empty(ResourceFolder.LoadSingle(MarkerYaml.Component("consumerID", "{appID}")).Warnings);
    }
}
