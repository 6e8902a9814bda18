using Gateway.Identity;

namespace Gateway.Tests.Identity;

public sealed class IdShapesTests
{
    private static readonly IdShapes Shapes = new(
        [new KeyValuePair<string, IdShape>("cluster.local", IdShape.KubernetesServiceAccount)]);

    [Theory]
    [InlineData("spiffe://public/ns/default/app1", "public", "default", "app1")]
    [InlineData("spiffe://example.org/ns/orders-ns/checkout", "example.org", "orders-ns", "checkout")]
    [InlineData("spiffe://cluster.local/ns/default/sa/foo", "cluster.local", "default", "foo")]
    [InlineData("spiffe://cluster.local/ns/payments/sa/Billing_1", "cluster.local", "payments", "Billing_1")]
    public void TryMap_MatchingShape_GivesAppIdentity(string input, string trustDomain, string ns, string appId)
    {
        var id = SpiffeId.Parse(input);

        Assert.True(Shapes.TryMap(id, out var identity, out var reason), reason);
        Assert.Equal(new AppIdentity(id, trustDomain, ns, appId), identity);
    }

    // As Dapr (dapr/dapr pkg/security/spiffe) and Istio name apps: "public" uses the Dapr shape, "cluster.local" the Kubernetes one.
    [Theory]
    [InlineData("spiffe://public/ns/default", "expected 3 path segments, found 2")]
    [InlineData("spiffe://public/ns/default/app1/extra", "expected 3 path segments, found 4")]
    [InlineData("spiffe://public/ns/default/sa/foo", "expected 3 path segments, found 4")]
    [InlineData("spiffe://public/x/default/app1", "the fixed segments do not match")]
    [InlineData("spiffe://public", "expected 3 path segments, found 0")]
    [InlineData("spiffe://cluster.local/ns/default/sa/foo/bar", "expected 4 path segments, found 5")]
    [InlineData("spiffe://cluster.local/ns/default/app1", "expected 4 path segments, found 3")]
    [InlineData("spiffe://cluster.local/ns/default/xa/foo", "the fixed segments do not match")]
    [InlineData("spiffe://cluster.local/NS/default/sa/foo", "the fixed segments do not match")]
    public void TryMap_ShapeMismatch_IsRejectedWithReason(string input, string detail)
    {
        Assert.False(Shapes.TryMap(SpiffeId.Parse(input), out var identity, out var reason));
        Assert.Null(identity);
        Assert.Contains(input, reason, StringComparison.Ordinal);
        Assert.EndsWith(detail, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_KubernetesIdUnderDefaultShape_IsNotReadAsAppCalledSa()
    {
        Assert.False(IdShapes.DaprOnly.TryMap(SpiffeId.Parse("spiffe://cluster.local/ns/default/sa/foo"), out _, out var reason));
        Assert.Contains("spiffe://<trust-domain>/ns/<namespace>/<app-id>", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapeFor_LooksUpTrustDomainOrdinally()
    {
        Assert.Equal(IdShape.KubernetesServiceAccount, Shapes.ShapeFor("cluster.local"));
        Assert.Equal(IdShape.Dapr, Shapes.ShapeFor("Cluster.local"));
        Assert.Equal(IdShape.Dapr, Shapes.ShapeFor("public"));
    }

    [Theory]
    [InlineData("public", "default", "app1", "spiffe://public/ns/default/app1")]
    [InlineData("cluster.local", "default", "foo", "spiffe://cluster.local/ns/default/sa/foo")]
    public void ExpectedId_FollowsTheTrustDomainsShape(string trustDomain, string ns, string appId, string expected)
    {
        Assert.Equal(expected, Shapes.ExpectedId(trustDomain, ns, appId).ToString());
    }

    [Fact]
    public void FromConfiguration_K8sSa_MapsServiceAccountToAppId()
    {
        var shapes = IdShapes.FromConfiguration(new Dictionary<string, string> { ["cluster.local"] = "k8s-sa", ["public"] = "dapr" });

        Assert.True(shapes.TryMap(SpiffeId.Parse("spiffe://cluster.local/ns/default/sa/checkout"), out var identity, out _));
        Assert.Equal("checkout", identity.AppId);
        Assert.Equal(IdShape.Dapr, shapes.ShapeFor("public"));
    }

    [Theory]
    [InlineData("public", "istio")]
    [InlineData("Public", "dapr")]
    [InlineData("public", "K8S-SA")]
    public void FromConfiguration_UnknownShapeOrBadTrustDomain_Throws(string trustDomain, string shape) =>
        Assert.Throws<InvalidOperationException>(() => IdShapes.FromConfiguration(new Dictionary<string, string> { [trustDomain] = shape }));
}
