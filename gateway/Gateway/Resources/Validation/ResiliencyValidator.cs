using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>
/// Finds the parts of Resiliency resources the loader accepts but the gateway cannot carry out:
/// circuit-breaker <c>trip</c> expressions other than the supported <see cref="TripCondition"/> forms.
/// </summary>
internal static class ResiliencyValidator
{
    public static IEnumerable<ResourceError> Check(ResiliencySpec resiliency)
    {
        foreach (var (name, breaker) in resiliency.CircuitBreakers.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!TripCondition.TryParse(breaker.Trip, out _))
            {
                yield return new ResourceError(
                    resiliency.Location.File,
                    resiliency.Location.Line,
                    resiliency.Name,
                    ResourceKinds.Resiliency,
                    $"'spec.policies.circuitBreakers.{name}.trip' is '{breaker.Trip}', which the gateway does not support; write {TripCondition.ExpectedForm}");
            }
        }
    }
}
