using Gateway.Resources.Markers;

namespace Gateway.Tests.Resources.Markers;

public sealed class ReplicaNameTests
{
    [Fact]
    public void Resolve_TheSettingWins()
    {
        Assert.Equal("gw-7", ReplicaName.Resolve(" gw-7 ", _ => "pod-from-env", () => "host"));
    }

    [Fact]
    public void Resolve_WithoutTheSetting_TakesPodNameFromTheEnvironment()
    {
        Assert.Equal("orders-gateway-2", ReplicaName.Resolve(null, name => name == "POD_NAME" ? "orders-gateway-2" : null, () => "host"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Resolve_WithoutSettingOrPodName_TakesTheHostName(string? podName)
    {
        Assert.Equal("node-a", ReplicaName.Resolve("", _ => podName, () => "node-a"));
    }
}
