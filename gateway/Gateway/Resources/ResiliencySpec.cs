namespace Gateway.Resources;

/// <summary>A <c>Resiliency</c> (<c>dapr.io/v1alpha1</c>): named policies and the components they apply to.</summary>
/// <param name="Timeouts"><c>spec.policies.timeouts</c>: policy name to timeout.</param>
/// <param name="Retries"><c>spec.policies.retries</c>: policy name to retry policy.</param>
/// <param name="CircuitBreakers"><c>spec.policies.circuitBreakers</c>: policy name to breaker.</param>
/// <param name="ComponentTargets">
/// <c>spec.targets.components</c>: component name to the policies it uses. Every policy name
/// referenced here exists in this resource.
/// </param>
/// <param name="Scopes">App IDs the resiliency applies to; empty means every app.</param>
internal sealed record ResiliencySpec(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, TimeSpan> Timeouts,
    IReadOnlyDictionary<string, RetryPolicySpec> Retries,
    IReadOnlyDictionary<string, CircuitBreakerPolicySpec> CircuitBreakers,
    IReadOnlyDictionary<string, ComponentResiliencyTargetSpec> ComponentTargets,
    IReadOnlyList<string> Scopes,
    ResourceLocation Location);
