using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>
/// Chooses the policies of one (namespace, component, app, direction) from the Resiliency resources.
/// </summary>
/// <remarks>
/// A Resiliency applies when it is in the namespace and its <c>scopes</c> is empty or lists the app ID
/// exactly. Each policy kind (timeout, retry, circuit breaker) is chosen on its own: first an explicit
/// <c>targets.components.&lt;component&gt;.&lt;direction&gt;</c> reference, else the default policy names from
/// most to least specific. When several applicable resources answer at the same step, the first one in
/// manifest order wins; an explicit target in any resource beats a default policy in any resource, as in
/// Dapr, which merges all Resiliency resources of an app before looking anything up.
/// </remarks>
internal static class PolicyResolver
{
    public static ResolvedPolicies Resolve(
        IReadOnlyList<ResiliencySpec> resiliencies, string @namespace, string componentName, string appId, PolicyDirection direction)
    {
        var applicable = resiliencies.Where(resiliency => AppliesTo(resiliency, @namespace, appId)).ToList();
        return new ResolvedPolicies(
            Choose(applicable, componentName, direction, references => references.Timeout, resiliency => resiliency.Timeouts, DefaultPolicyNames.Timeouts(direction)),
            Choose(applicable, componentName, direction, references => references.Retry, resiliency => resiliency.Retries, DefaultPolicyNames.Retries(direction)),
            Choose(applicable, componentName, direction, references => references.CircuitBreaker, resiliency => resiliency.CircuitBreakers, DefaultPolicyNames.CircuitBreakers(direction)));
    }

    /// <summary>Namespace match, then <c>scopes</c>: empty means every app, otherwise an exact app-ID match.</summary>
    public static bool AppliesTo(ResiliencySpec resiliency, string @namespace, string appId) =>
        string.Equals(resiliency.Namespace, @namespace, StringComparison.Ordinal)
        && (resiliency.Scopes.Count == 0 || resiliency.Scopes.Contains(appId, StringComparer.Ordinal));

    private static NamedPolicy<TSpec>? Choose<TSpec>(
        List<ResiliencySpec> applicable,
        string componentName,
        PolicyDirection direction,
        Func<PolicyReferencesSpec, string?> reference,
        Func<ResiliencySpec, IReadOnlyDictionary<string, TSpec>> policies,
        IReadOnlyList<string> defaultNames)
    {
        foreach (var resiliency in applicable)
        {
            if (resiliency.ComponentTargets.TryGetValue(componentName, out var target)
                && References(target, direction) is { } references
                && reference(references) is { } name
                && policies(resiliency).TryGetValue(name, out var spec))
            {
                return new NamedPolicy<TSpec>(name, spec);
            }
        }

        foreach (var name in defaultNames)
        {
            foreach (var resiliency in applicable)
            {
                if (policies(resiliency).TryGetValue(name, out var spec))
                {
                    return new NamedPolicy<TSpec>(name, spec);
                }
            }
        }

        return null;
    }

    private static PolicyReferencesSpec? References(ComponentResiliencyTargetSpec target, PolicyDirection direction) =>
        direction == PolicyDirection.Inbound ? target.Inbound : target.Outbound;
}
