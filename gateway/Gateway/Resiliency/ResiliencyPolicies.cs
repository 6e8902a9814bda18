using System.Collections.Concurrent;
using Gateway.Delivery;
using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>
/// The inbound and outbound policies of every (namespace, component, app), built from the Resiliency
/// resources of one <see cref="ResourceSet"/> (spec/dapr-pubsub.md §7; lookup rules on
/// <see cref="PolicyResolver"/>). Policies are created on first use and kept, so each target has one
/// circuit breaker however many subscriptions or publishers use it. Without any applicable policy a
/// target gets exactly one attempt.
/// </summary>
internal sealed class ResiliencyPolicies
{
    private readonly IReadOnlyList<ResiliencySpec> _resiliencies;
    private readonly TimeProvider _clock;
    private readonly Func<double> _jitter;
    private readonly ConcurrentDictionary<(PolicyDirection Direction, string Namespace, string Component, string AppId), object> _policies = new();

    /// <param name="jitter">
    /// Randomness for exponential back-off, a value in [0, 1) per wait; defaults to <see cref="Random.Shared"/>.
    /// </param>
    /// <exception cref="InvalidOperationException">Some policy cannot be carried out; the message lists every problem.</exception>
    public ResiliencyPolicies(ResourceSet resources, TimeProvider timeProvider, Func<double>? jitter = null)
    {
        var errors = Validate(resources);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Resiliency resources cannot be used:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        _resiliencies = resources.Resiliencies;
        _clock = timeProvider;
        _jitter = jitter ?? Random.Shared.NextDouble;
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
        (IInboundPolicy)_policies.GetOrAdd((PolicyDirection.Inbound, @namespace, componentName, appId), key =>
        {
            var resolved = PolicyResolver.Resolve(_resiliencies, key.Namespace, key.Component, key.AppId, PolicyDirection.Inbound);
            return resolved.IsEmpty ? SingleAttemptPolicy.Instance : new ResilientInboundPolicy(resolved, key.Component, _clock, _jitter);
        });

    /// <summary>How publishes of app <paramref name="appId"/> to <paramref name="componentName"/> are attempted.</summary>
    public IOutboundPolicy OutboundFor(string @namespace, string componentName, string appId) =>
        (IOutboundPolicy)_policies.GetOrAdd((PolicyDirection.Outbound, @namespace, componentName, appId), key =>
        {
            var resolved = PolicyResolver.Resolve(_resiliencies, key.Namespace, key.Component, key.AppId, PolicyDirection.Outbound);
            return resolved.IsEmpty ? SingleAttemptOutboundPolicy.Instance : new ResilientOutboundPolicy(resolved, key.Component, _clock, _jitter);
        });
}
