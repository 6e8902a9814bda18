using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>Warns about resiliency targets that name no Component: they would silently do nothing.</summary>
internal sealed class ResiliencyTargetRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var resiliency in resources.Resiliencies)
        {
            var known = resources.ComponentNamesIn(resiliency.Namespace);
            foreach (var component in resiliency.ComponentTargets.Keys.Where(name => !known.Contains(name, StringComparer.Ordinal)))
            {
                diagnostics.AddWarning(new ResourceError(
                    resiliency.Location.File,
                    resiliency.Location.Line,
                    resiliency.Name,
                    ResourceKinds.Resiliency,
                    $"'spec.targets.components.{component}' names no pub/sub Component in namespace '{resiliency.Namespace}', so it has no effect; check the name"));
            }
        }
    }
}
