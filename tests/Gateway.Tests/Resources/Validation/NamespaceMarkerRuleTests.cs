namespace Gateway.Tests.Resources.Validation;

public sealed class NamespaceMarkerRuleTests
{
    [Fact]
    public void NamespaceMarker_WarnsThatDaprPrefixesTopicsAndTheGatewayDoesNot()
    {
        var result = ResourceFolder.LoadSingle(MarkerYaml.Component("consumerID", "{namespace}"));

        ResultAssert.Loaded(result);
        ResultAssert.SingleWarning(result, "resources.yaml:8:", "'{namespace}' in metadata 'consumerID' makes Dapr put the namespace in front of every topic", "'defaultorders' for topic 'orders'");
    }
}
