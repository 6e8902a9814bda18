using System.Collections.Concurrent;
using Gateway.Resources;
using Gateway.Resources.Validation;
using PolicyKey = (Gateway.Resiliency.PolicyDirection Direction, string Namespace, string Component, string AppId);

namespace Gateway.Resiliency;

/// <summary>
/// The inbound and outbound policies of every (namespace, component, app), built from the Resiliency
/// resources of one <see cref="ResourceSet"/> (Dapr's resiliency policies, https://docs.dapr.io/operations/resiliency/policies/; lookup rules on
/// <see cref="PolicyResolver"/>). Policies are created on first use and kept, so each target has one
/// circuit breaker however many subscriptions or publishers use it. Without any applicable policy a
/// target gets exactly one attempt. <see cref="Replace"/> swaps in the policies of a new set (live reload):
/// later lookups get new policies, while deliveries already holding a policy keep it.
/// </summary>
internal sealed class ResiliencyPolicies
{
    private readonly TimeProvider _clock;
    private readonly Func<double> _jitter;
    private volatile PolicySet _current;

    /// <param name="jitter">
    /// Randomness for exponential back-off, a value in [0, 1) per wait; defaults to <see cref="Random.Shared"/>.
    /// </param>
    /// <exception cref="InvalidOperationException">Some policy cannot be carried out; the message lists every problem.</exception>
    public ResiliencyPolicies(ResourceSet resources, TimeProvider timeProvider, Func<double>? jitter = null)
    {
        _current = Build(resources);
        _clock = timeProvider;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    /// <summary>Uses the Resiliency resources of <paramref name="resources"/> from now on; circuit breaker state starts afresh.</summary>
    /// <exception cref="InvalidOperationException">Some policy cannot be carried out; the current policies stay.</exception>
    public void Replace(ResourceSet resources) => _current = Build(resources);

    private static PolicySet Build(ResourceSet resources)
    {
        var errors = Validate(resources);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Resiliency resources cannot be used:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return new PolicySet(resources.Resiliencies, new());
    }

    /// <summary>
    /// Every problem that would stop the policies of <paramref name="resources"/> from being built, one
    /// message per problem with the file, line and resource name (empty when all is well). The resources
    /// loader can report these with its other configuration errors; <see cref="ResiliencyValidator"/>
    /// gives the same problems as <see cref="ResourceError"/>s.
    /// </summary>
    public static IReadOnlyList<string> Validate(ResourceSet resources) =>
        [.. resources.Resiliencies.SelectMany(ResiliencyValidator.Check).Select(error => error.ToString())];

    /// <summary>How deliveries from <paramref name="componentName"/> to app <paramref name="appId"/> are attempted.</summary>
    public IInboundPolicy InboundFor(string @namespace, string componentName, string appId) =>
        (IInboundPolicy)PolicyFor((PolicyDirection.Inbound, @namespace, componentName, appId));

    /// <summary>How publishes of app <paramref name="appId"/> to <paramref name="componentName"/> are attempted.</summary>
    public IOutboundPolicy OutboundFor(string @namespace, string componentName, string appId) =>
        (IOutboundPolicy)PolicyFor((PolicyDirection.Outbound, @namespace, componentName, appId));

    // Asked on every publish and delivery: a look-up that allocates nothing once the policy exists.
    private object PolicyFor(PolicyKey key)
    {
        var current = _current;
        return current.Cache.TryGetValue(key, out var policy)
            ? policy
            : current.Cache.GetOrAdd(key, static (key, state) => state.Owner.Create(key, state.Resiliencies), (Owner: this, current.Resiliencies));
    }

    private object Create(PolicyKey key, IReadOnlyList<ResiliencySpec> resiliencies)
    {
        var resolved = PolicyResolver.Resolve(resiliencies, key.Namespace, key.Component, key.AppId, key.Direction);
        return key.Direction == PolicyDirection.Inbound
            ? resolved.IsEmpty ? SingleAttemptInboundPolicy.Instance : new ResilientInboundPolicy(resolved, key.Component, _clock, _jitter)
            : resolved.IsEmpty ? SingleAttemptOutboundPolicy.Instance : new ResilientOutboundPolicy(resolved, key.Component, _clock, _jitter);
    }

    /// <summary>The resources one generation of policies is built from, and the policies built so far.</summary>
    private sealed record PolicySet(
        IReadOnlyList<ResiliencySpec> Resiliencies,
        ConcurrentDictionary<PolicyKey, object> Cache);
}
