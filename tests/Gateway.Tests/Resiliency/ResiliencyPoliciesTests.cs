using Gateway.Delivery;
using Gateway.Resiliency;
using Gateway.Tests.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

public sealed class ResiliencyPoliciesTests
{
    private readonly ManualTimeProvider _clock = new();

    private ResiliencyPolicies PoliciesWithRetryTarget(int maxRetries, string @namespace, string[] scopes) =>
        new(ResourceSetOf(Spec(
            @namespace: @namespace,
            scopes: scopes,
            retries: new() { ["pubsubRetry"] = Constant(maxRetries, TimeSpan.FromMilliseconds(1)) },
            targets: new() { [Component] = InboundTarget(retry: "pubsubRetry") })), _clock);

    [Fact]
    public void For_NoResiliencyResources_IsASingleAttempt()
    {
        var policies = new ResiliencyPolicies(ResourceSetOf(), _clock);

        Assert.Same(SingleAttemptInboundPolicy.Instance, policies.InboundFor(Namespace, Component, AppId));
        Assert.Same(SingleAttemptOutboundPolicy.Instance, policies.OutboundFor(Namespace, Component, AppId));
    }

    [Theory]
    [InlineData(Namespace, new string[0], AppId, 3)]
    [InlineData(Namespace, new[] { AppId }, AppId, 3)]
    [InlineData(Namespace, new[] { "billing" }, AppId, 1)]
    [InlineData("production", new string[0], AppId, 1)]
    public async Task InboundFor_ResourceNamespaceAndScopes_DecideWhetherItsRetriesApply(string @namespace, string[] scopes, string appId, int expectedAttempts)
    {
        var policies = PoliciesWithRetryTarget(2, @namespace, scopes);
        var app = new ScriptedAttempts(RetryWith(500));

        var policy = policies.InboundFor(Namespace, Component, appId);
        await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(expectedAttempts, app.Attempts);
    }

    [Fact]
    public async Task OutboundFor_ComponentTarget_RetriesPublishes()
    {
        var clock = new ManualTimeProvider();
        var policies = new ResiliencyPolicies(ResourceSetOf(Spec(
            retries: new() { ["pubsubRetry"] = Constant(2) },
            targets: new() { [Component] = OutboundTarget(retry: "pubsubRetry") })), clock);
        var broker = new ScriptedPublishes(ScriptedPublishes.Transient, ScriptedPublishes.Transient);

        await clock.DriveAsync(policies.OutboundFor(Namespace, Component, AppId).ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask());

        Assert.Equal(3, broker.Attempts);
        Assert.Same(SingleAttemptInboundPolicy.Instance, policies.InboundFor(Namespace, Component, AppId));
    }

    [Fact]
    public void InboundFor_SameTarget_SharesOnePolicyAndBreaker()
    {
        var policies = new ResiliencyPolicies(ResourceSetOf(Spec(breakers: new() { ["DefaultCircuitBreakerPolicy"] = Breaker("consecutiveFailures > 5") })), _clock);

        var first = policies.InboundFor(Namespace, Component, AppId);

        Assert.Same(first, policies.InboundFor(Namespace, Component, AppId));
        Assert.NotSame(first, policies.InboundFor(Namespace, Component, "billing"));
    }

    [Fact]
    public void Validate_UnsupportedTrip_NamesTheResourceBreakerAndSupportedForms()
    {
        var resources = ResourceSetOf(Spec("myresiliency", breakers: new()
        {
            ["fine"] = Breaker("consecutiveFailures > 8"),
            ["pubsubCB"] = Breaker("requests > 10 && consecutiveFailures > 2"),
        }));

        var errors = ResiliencyPolicies.Validate(resources);

        var error = Assert.Single(errors);
        Assert.Equal(
            "resiliency.yaml:1: resource 'myresiliency' (Resiliency): 'spec.policies.circuitBreakers.pubsubCB.trip' is 'requests > 10 && consecutiveFailures > 2', which the gateway does not support; write 'consecutiveFailures > N' or 'consecutiveFailures >= N' with N a whole number",
            error);
    }

    [Fact]
    public void Constructor_UnsupportedTrip_RefusesWithTheValidationMessage()
    {
        var resources = ResourceSetOf(Spec(breakers: new() { ["cb"] = Breaker("consecutiveFailures < 3") }));

        var error = Assert.Throws<InvalidOperationException>(() => new ResiliencyPolicies(resources, _clock));

        Assert.Contains("'spec.policies.circuitBreakers.cb.trip' is 'consecutiveFailures < 3'", error.Message);
    }

    [Fact]
    public async Task InboundFor_ResiliencyLoadedFromYaml_AppliesItsTargetPolicies()
    {
        var loaded = ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, ResourceYaml.Resiliency("""
            policies:
              retries:
                pubsubRetry:
                  policy: constant
                  duration: 5s
                  maxRetries: 2
                  matching:
                    httpStatusCodes: "500-599"
              circuitBreakers:
                pubsubCB:
                  trip: consecutiveFailures >= 10
            targets:
              components:
                pubsub:
                  inbound:
                    retry: pubsubRetry
                    circuitBreaker: pubsubCB
            """)));
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        var policies = new ResiliencyPolicies(loaded.Resources!, _clock);
        var retried = new ScriptedAttempts(RetryWith(502));
        var notRetried = new ScriptedAttempts(RetryWith(429));

        var policy = policies.InboundFor("default", "pubsub", AppId);
        await _clock.DriveAsync(policy.ExecuteAsync(retried.AttemptAsync, CancellationToken.None));
        await _clock.DriveAsync(policy.ExecuteAsync(notRetried.AttemptAsync, CancellationToken.None));

        Assert.Equal(3, retried.Attempts);
        Assert.Equal(1, notRetried.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], _clock.RequestedDueTimes);
    }
}
