using Gateway.Resources.Parsing;
using Gateway.Routing;

namespace Gateway.Resources.Validation;

/// <summary>
/// Every routing rule's <c>match</c> must be in the supported CEL subset (docs/routing.md); the error
/// gives the rule, its path and the column of the problem.
/// </summary>
internal sealed class RouteExpressionRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var (subscription, _) in resources.Subscriptions)
        {
            if (RouteTable.TryCreate([.. subscription.Rules.Select(rule => (rule.Match, rule.Path))], out _, out var error))
            {
                continue;
            }

            foreach (var problem in error.Split('\n'))
            {
                diagnostics.AddError(new ResourceError(
                    subscription.Location.File,
                    subscription.Location.Line,
                    subscription.Name,
                    ResourceKinds.Subscription,
                    $"'spec.routes' {problem}"));
            }
        }
    }
}
