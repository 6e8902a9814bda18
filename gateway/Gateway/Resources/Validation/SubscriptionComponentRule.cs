using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>
/// A subscription whose <c>pubsubname</c> names no pub/sub Component in its namespace is skipped with a
/// warning, as Dapr loads and skips it (an error under <c>gateway validate --strict</c>). It is not in the
/// loaded set; adding the component later (live reload) brings it in.
/// </summary>
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
            resources.SkippedSubscriptions.Add(subscription);
            diagnostics.AddWarning(new ResourceError(
                subscription.Location.File,
                line,
                subscription.Name,
                ResourceKinds.Subscription,
                $"'spec.pubsubname' is '{subscription.PubsubName}', but {listed}; the subscription is skipped (as Dapr skips it) until that Component exists; fix the name or add the Component")
            {
                Skipped = true,
            });
        }
    }
}
