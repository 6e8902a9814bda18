using Gateway.Resiliency;
using Gateway.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

public sealed class PolicyResolverTests
{
    private static readonly string[] InboundRetryDefaults =
        ["DefaultPubsubComponentInboundRetryPolicy", "DefaultComponentInboundRetryPolicy", "DefaultComponentRetryPolicy", "DefaultRetryPolicy"];

    private static ResolvedPolicies ResolveInbound(params ResiliencySpec[] resiliencies) =>
        PolicyResolver.Resolve(resiliencies, Namespace, Component, AppId, PolicyDirection.Inbound);

    [Fact]
    public void Resolve_ComponentTarget_BeatsDefaultPolicies()
    {
        var resiliency = Spec(
            retries: new() { ["pubsubRetry"] = Constant(3), ["DefaultRetryPolicy"] = Constant(9) },
            targets: new() { [Component] = InboundTarget(retry: "pubsubRetry") });

        var resolved = ResolveInbound(resiliency);

        Assert.Equal("pubsubRetry", resolved.Retry?.Name);
        Assert.Equal(3, resolved.Retry?.Spec.MaxRetries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Resolve_NoTarget_UsesTheMostSpecificDefaultRetryPolicy(int mostSpecificPresent)
    {
        var retries = InboundRetryDefaults.Skip(mostSpecificPresent).ToDictionary(name => name, _ => Constant(1));

        var resolved = ResolveInbound(Spec(retries: retries));

        Assert.Equal(InboundRetryDefaults[mostSpecificPresent], resolved.Retry?.Name);
    }

    [Fact]
    public void Resolve_Outbound_IgnoresInboundDefaultsAndTargets()
    {
        var resiliency = Spec(
            retries: new() { ["DefaultComponentInboundRetryPolicy"] = Constant(1), ["DefaultComponentOutboundRetryPolicy"] = Constant(2), ["inboundOnly"] = Constant(3) },
            targets: new() { [Component] = InboundTarget(retry: "inboundOnly") });

        var resolved = PolicyResolver.Resolve([resiliency], Namespace, Component, AppId, PolicyDirection.Outbound);

        Assert.Equal("DefaultComponentOutboundRetryPolicy", resolved.Retry?.Name);
    }

    [Fact]
    public void Resolve_TimeoutsAndCircuitBreakers_FollowTheSameDefaultNames()
    {
        var resiliency = Spec(
            timeouts: new() { ["DefaultPubsubComponentInboundTimeoutPolicy"] = TimeSpan.FromSeconds(3), ["DefaultTimeoutPolicy"] = TimeSpan.FromSeconds(9) },
            breakers: new() { ["DefaultComponentCircuitBreakerPolicy"] = Breaker("consecutiveFailures > 5") });

        var resolved = ResolveInbound(resiliency);

        Assert.Equal(new NamedPolicy<TimeSpan>("DefaultPubsubComponentInboundTimeoutPolicy", TimeSpan.FromSeconds(3)), resolved.Timeout);
        Assert.Equal("DefaultComponentCircuitBreakerPolicy", resolved.CircuitBreaker?.Name);
    }

    [Fact]
    public void Resolve_TargetNamesOnlyRetry_OtherKindsFallBackToDefaults()
    {
        var resiliency = Spec(
            timeouts: new() { ["DefaultTimeoutPolicy"] = TimeSpan.FromSeconds(5) },
            retries: new() { ["pubsubRetry"] = Constant(3) },
            targets: new() { [Component] = InboundTarget(retry: "pubsubRetry") });

        var resolved = ResolveInbound(resiliency);

        Assert.Equal("pubsubRetry", resolved.Retry?.Name);
        Assert.Equal("DefaultTimeoutPolicy", resolved.Timeout?.Name);
        Assert.Null(resolved.CircuitBreaker);
    }

    [Fact]
    public void Resolve_TargetForAnotherComponent_IsIgnored()
    {
        var resiliency = Spec(
            retries: new() { ["otherRetry"] = Constant(3) },
            targets: new() { ["other-pubsub"] = InboundTarget(retry: "otherRetry") });

        Assert.True(ResolveInbound(resiliency).IsEmpty);
    }

    [Fact]
    public void Resolve_TwoResourcesTargetTheComponent_FirstInManifestOrderWins()
    {
        var first = Spec("first", retries: new() { ["retry"] = Constant(1) }, targets: new() { [Component] = InboundTarget(retry: "retry") });
        var second = Spec("second", retries: new() { ["retry"] = Constant(2) }, targets: new() { [Component] = InboundTarget(retry: "retry") });

        Assert.Equal(1, ResolveInbound(first, second).Retry?.Spec.MaxRetries);
        Assert.Equal(2, ResolveInbound(second, first).Retry?.Spec.MaxRetries);
    }

    [Fact]
    public void Resolve_TargetInLaterResource_BeatsDefaultInEarlierResource()
    {
        var defaults = Spec("defaults", retries: new() { ["DefaultRetryPolicy"] = Constant(9) });
        var targeted = Spec("targeted", retries: new() { ["pubsubRetry"] = Constant(3) }, targets: new() { [Component] = InboundTarget(retry: "pubsubRetry") });

        Assert.Equal("pubsubRetry", ResolveInbound(defaults, targeted).Retry?.Name);
    }

    [Theory]
    [InlineData(new string[0], "checkout", true)]
    [InlineData(new[] { "checkout", "billing" }, "checkout", true)]
    [InlineData(new[] { "billing" }, "checkout", false)]
    [InlineData(new[] { "Checkout" }, "checkout", false)]
    public void AppliesTo_Scopes_AreEmptyOrAnExactAppIdMatch(string[] scopes, string appId, bool expected)
    {
        Assert.Equal(expected, PolicyResolver.AppliesTo(Spec(scopes: scopes), Namespace, appId));
    }

    [Fact]
    public void AppliesTo_OtherNamespace_DoesNotApply()
    {
        Assert.False(PolicyResolver.AppliesTo(Spec(@namespace: "production"), Namespace, AppId));
    }

    [Fact]
    public void Resolve_ResourceScopedToAnotherApp_IsSkippedForTheNextOne()
    {
        var billingOnly = Spec("billing-only", scopes: ["billing"], retries: new() { ["DefaultRetryPolicy"] = Constant(1) });
        var everyone = Spec("everyone", retries: new() { ["DefaultRetryPolicy"] = Constant(2) });

        Assert.Equal(2, ResolveInbound(billingOnly, everyone).Retry?.Spec.MaxRetries);
    }

    [Fact]
    public void Resolve_NoResiliency_IsEmpty()
    {
        Assert.True(ResolveInbound().IsEmpty);
    }
}
