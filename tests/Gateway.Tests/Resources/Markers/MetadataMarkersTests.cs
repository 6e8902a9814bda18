using Gateway.Resources.Markers;

namespace Gateway.Tests.Resources.Markers;

public sealed class MetadataMarkersTests
{
    private static MarkerValues Values(string appId = "checkout", string ns = "shop", string pod = "gateway-1") =>
        new(appId, ns, pod, () => "11111111-2222-3333-4444-555555555555");

    [Theory]
    [InlineData("{appID}", "checkout")]
    [InlineData("{namespace}", "shop.checkout")]
    [InlineData("{podName}", "gateway-1")]
    [InlineData("{uuid}", "11111111-2222-3333-4444-555555555555")]
    [InlineData("group-{appID}-{podName}", "group-checkout-gateway-1")]
    [InlineData("no markers", "no markers")]
    [InlineData("{appId} {APPID} {PodName} {unknown} {", "{appId} {APPID} {PodName} {unknown} {")]
    public void Resolve_ReplacesEachMarkerAsDaprDoes(string template, string expected)
    {
        Assert.Equal(expected, MetadataMarkers.Resolve(template, Values()));
    }

    [Fact]
    public void Resolve_EveryUuidIsFresh()
    {
        var resolved = MetadataMarkers.Resolve("{uuid}/{uuid}", new MarkerValues("a", "default", "p", MarkerValues.RandomUuid)).Split('/');

        Assert.NotEqual(resolved[0], resolved[1]);
        Assert.All(resolved, part => Assert.True(Guid.TryParse(part, out _)));
    }

    [Theory]
    [InlineData("a{podName}")]
    [InlineData("{appID}")]
    [InlineData("x{uuid}{namespace}")]
    public void Resolve_AnAppIdThatLooksLikeAMarker_IsNeverExpandedAgain(string hostileAppId)
    {
        var resolved = MetadataMarkers.Resolve("{appID}", Values(appId: hostileAppId));

        Assert.Equal(hostileAppId, resolved);
    }

    [Fact]
    public void Resolve_ANamespaceThatLooksLikeAMarker_IsNeverExpandedAgain()
    {
        Assert.Equal("{podName}.{appID}", MetadataMarkers.Resolve("{namespace}", Values(appId: "{appID}", ns: "{podName}")));
    }

    [Fact]
    public void Misspellings_NameTheMarkerMeant_AndIgnoreExactMarkers()
    {
        var found = MetadataMarkers.Misspellings("{appId}-{appID}-{PODNAME}").ToList();

        Assert.Equal([("{appId}", "{appID}"), ("{PODNAME}", "{podName}")], found);
    }

    [Theory]
    [InlineData("{appID}", true)]
    [InlineData("x{uuid}", true)]
    [InlineData("{appId}", false)]
    [InlineData("plain", false)]
    public void HasAny_FindsOnlyExactMarkers(string value, bool expected)
    {
        Assert.Equal(expected, MetadataMarkers.HasAny(value));
    }
}
