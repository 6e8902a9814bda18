using Gateway.Resources;

namespace Gateway.Tests.Resources.Parsing;

public sealed class ResiliencyParserTests
{
    private static ResourceLoadResult Load(string spec) =>
        ResourceFolder.LoadSingle(ResourceYaml.Documents(ResourceYaml.InMemoryComponent, ResourceYaml.Resiliency(spec)));

    [Fact]
    public void Parse_FullExample_GivesEveryPolicyAndTarget()
    {
        var spec = """
            policies:
              timeouts:
                short: 1500ms
              retries:
                steady:
                  duration: 2s
                  maxRetries: 3
                backoff:
                  policy: exponential
                  maxInterval: 15s
                  matching:
                    httpStatusCodes: "429,500-599"
              circuitBreakers:
                breaker:
                  trip: consecutiveFailures > 2
            targets:
              components:
                pubsub:
                  outbound: {timeout: short, retry: steady}
                  inbound: {retry: backoff, circuitBreaker: breaker}
            """;

        var resiliency = Assert.Single(ResultAssert.Loaded(Load(spec)).Resiliencies);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), resiliency.Timeouts["short"]);
        var steady = resiliency.Retries["steady"];
        Assert.Equal((RetryBackoff.Constant, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), 3), (steady.Policy, steady.Duration, steady.MaxInterval, steady.MaxRetries));
        Assert.True(steady.RetriesHttpStatus(400));
        var backoff = resiliency.Retries["backoff"];
        Assert.Equal((RetryBackoff.Exponential, TimeSpan.FromSeconds(15), -1), (backoff.Policy, backoff.MaxInterval, backoff.MaxRetries));
        Assert.True(backoff.RetriesHttpStatus(503));
        Assert.False(backoff.RetriesHttpStatus(400));
        Assert.Equal(new CircuitBreakerPolicySpec(1, TimeSpan.Zero, TimeSpan.FromSeconds(60), "consecutiveFailures > 2"), resiliency.CircuitBreakers["breaker"]);
        Assert.Equal(
            new ComponentResiliencyTargetSpec(new PolicyReferencesSpec(null, "backoff", "breaker"), new PolicyReferencesSpec("short", "steady", null)),
            resiliency.ComponentTargets["pubsub"]);
    }

    [Theory]
    [InlineData("retry: missing", "'spec.targets.components.pubsub.outbound.retry' refers to 'missing', which is not in 'spec.policies.retries' (defined: r)")]
    [InlineData("timeout: missing", "refers to 'missing', which is not in 'spec.policies.timeouts' (defined: t)")]
    [InlineData("circuitBreaker: missing", "which is not in 'spec.policies.circuitBreakers' (none are defined)")]
    public void Parse_TargetNamingAnUndefinedPolicy_IsReported(string reference, string expected)
    {
        var spec = $"policies:\n  timeouts: {{t: 1s}}\n  retries: {{r: {{}}}}\ntargets:\n  components:\n    pubsub:\n      outbound:\n        {reference}";

        ResultAssert.SingleError(Load(spec), expected);
    }

    [Fact]
    public void Parse_TargetNamingAPolicyWithABadValue_ReportsOnlyTheBadValue()
    {
        var spec = "policies:\n  timeouts: {t: forever}\ntargets:\n  components:\n    pubsub:\n      outbound: {timeout: t}";

        ResultAssert.SingleError(Load(spec), "timeout 'spec.policies.timeouts.t' must be a Go duration");
    }

    [Theory]
    [InlineData("timeouts: {t: 0s}", "more than zero, but is '0s'")]
    [InlineData("timeouts: {t: -1s}", "more than zero, but is '-1s'")]
    [InlineData("retries: {r: {policy: linear}}", "'spec.policies.retries.r.policy' is 'linear'; use constant or exponential")]
    [InlineData("retries: {r: {duration: -5s}}", "'spec.policies.retries.r.duration' must be zero or more")]
    [InlineData("retries: {r: {maxRetries: -2}}", "'spec.policies.retries.r.maxRetries' must be a whole number of at least -1")]
    [InlineData("retries: {r: {matching: {httpStatusCodes: '700'}}}", "'700' is outside 100-599")]
    [InlineData("retries: {r: {matching: {gRPCStatusCodes: '17'}}}", "'17' is outside 0-16")]
    [InlineData("retries: {r: {backoff: 2}}", "unknown field 'spec.policies.retries.r.backoff'")]
    [InlineData("retries: {r: 5}", "'spec.policies.retries.r' must be a mapping")]
    [InlineData("circuitBreakers: {c: {timeout: later}}", "'spec.policies.circuitBreakers.c.timeout' must be a Go duration")]
    [InlineData("circuitBreakers: {c: {maxRequests: -1}}", "'spec.policies.circuitBreakers.c.maxRequests' must be a whole number of at least 0")]
    [InlineData("bulkheads: {}", "unknown field 'spec.policies.bulkheads'; allowed fields here are: timeouts, retries, circuitBreakers")]
    public void Parse_BadPolicy_IsReported(string policy, string expected)
    {
        ResultAssert.SingleError(Load($"policies:\n  {policy}"), expected);
    }

    [Fact]
    public void Parse_AppAndActorTargets_AreIgnoredWithAWarning()
    {
        var result = Load("targets:\n  apps:\n    checkout: {retry: r}\n  actors: {}");

        ResultAssert.Loaded(result);
        Assert.Equal(2, result.Warnings.Count(warning => warning.Message.Contains("applies resiliency to pub/sub components only", StringComparison.Ordinal)));
    }

}
