using Gateway.Resiliency;
using Gateway.Resources;

namespace Gateway.Tests.Resiliency;

/// <summary>Small Resiliency specs and policies for tests, each built with only what a test cares about.</summary>
internal static class ResiliencyFixtures
{
    public const string Namespace = "default";
    public const string Component = "pubsub";
    public const string AppId = "checkout";

    public static AppReply Success => new(AppReplyStatus.Success, 200, "delivered");

    public static AppReply Drop => new(AppReplyStatus.Drop, 404, "the app answered 404");

    public static AppReply RetryWith(int httpStatus) => new(AppReplyStatus.Retry, httpStatus, $"the app answered {httpStatus}");

    public static ResiliencySpec Spec(
        string name = "resiliency",
        string @namespace = Namespace,
        IReadOnlyList<string>? scopes = null,
        Dictionary<string, TimeSpan>? timeouts = null,
        Dictionary<string, RetryPolicySpec>? retries = null,
        Dictionary<string, CircuitBreakerPolicySpec>? breakers = null,
        Dictionary<string, ComponentResiliencyTargetSpec>? targets = null) =>
        new(name, @namespace, timeouts ?? [], retries ?? [], breakers ?? [], targets ?? [], scopes ?? [], new ResourceLocation("resiliency.yaml", 1));

    public static ResourceSet ResourceSetOf(params ResiliencySpec[] resiliencies) => ResourceSet.Empty with { Resiliencies = resiliencies };

    public static RetryPolicySpec Constant(int maxRetries, TimeSpan? duration = null, params StatusCodeRange[] httpStatusCodes) =>
        new(RetryBackoff.Constant, duration ?? TimeSpan.FromSeconds(1), RetryPolicySpec.DefaultMaxInterval, maxRetries, httpStatusCodes, []);

    public static RetryPolicySpec Exponential(int maxRetries, TimeSpan? maxInterval = null) =>
        new(RetryBackoff.Exponential, RetryPolicySpec.DefaultDuration, maxInterval ?? RetryPolicySpec.DefaultMaxInterval, maxRetries, [], []);

    public static CircuitBreakerPolicySpec Breaker(string trip, TimeSpan? timeout = null, int maxRequests = 1, TimeSpan? interval = null) =>
        new(maxRequests, interval ?? TimeSpan.Zero, timeout ?? TimeSpan.FromSeconds(30), trip);

    public static ComponentResiliencyTargetSpec InboundTarget(string? timeout = null, string? retry = null, string? breaker = null) =>
        new(new PolicyReferencesSpec(timeout, retry, breaker), null);

    public static ComponentResiliencyTargetSpec OutboundTarget(string? timeout = null, string? retry = null, string? breaker = null) =>
        new(null, new PolicyReferencesSpec(timeout, retry, breaker));

    public static ResilientInboundPolicy Inbound(
        ManualTimeProvider clock, RetryPolicySpec? retry = null, TimeSpan? timeout = null, CircuitBreakerPolicySpec? breaker = null, Func<double>? jitter = null) =>
        new(Resolved(retry, timeout, breaker), Component, clock, jitter ?? (() => 0.5));

    public static ResilientOutboundPolicy Outbound(
        ManualTimeProvider clock, RetryPolicySpec? retry = null, TimeSpan? timeout = null, CircuitBreakerPolicySpec? breaker = null) =>
        new(Resolved(retry, timeout, breaker), Component, clock, () => 0.5);

    private static ResolvedPolicies Resolved(RetryPolicySpec? retry, TimeSpan? timeout, CircuitBreakerPolicySpec? breaker) => new(
        timeout is { } duration ? new NamedPolicy<TimeSpan>("appTimeout", duration) : null,
        retry is null ? null : new NamedPolicy<RetryPolicySpec>("appRetry", retry),
        breaker is null ? null : new NamedPolicy<CircuitBreakerPolicySpec>("appBreaker", breaker));
}
