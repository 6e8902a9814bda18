using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>Every Resiliency policy must be one the gateway can carry out (for example, a circuit breaker's <c>trip</c>).</summary>
internal sealed class ResiliencyPolicyRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var resiliency in resources.Resiliencies)
        {
            foreach (var error in ResiliencyValidator.Check(resiliency))
            {
                diagnostics.AddError(error);
            }
        }
    }
}
