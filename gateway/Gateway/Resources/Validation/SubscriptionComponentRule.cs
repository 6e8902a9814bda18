using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>A subscription's <c>pubsubname</c> must name a pub/sub Component in its namespace.</summary>
internal sealed class SubscriptionComponentRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var (subscription, line) in resources.Subscriptions)
        {
            var known = resources.ComponentNamesIn(subscription.Namespace);
            if (known.Contains(subscription.PubsubName, StringComparer.Ordinal))
            {
                continue;
            }

            var listed = known.Count == 0
                ? $"no pub/sub Component is defined in namespace '{subscription.Namespace}'"
                : $"the pub/sub Components in namespace '{subscription.Namespace}' are: {string.Join(", ", known)}";
            diagnostics.AddError(new ResourceError(
                subscription.Location.File,
                line,
                subscription.Name,
                ResourceKinds.Subscription,
                $"'spec.pubsubname' is '{subscription.PubsubName}', but {listed}; fix the name or add that Component"));
        }
    }
}
