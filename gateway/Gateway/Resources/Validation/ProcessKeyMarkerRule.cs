using Gateway.Resources.Markers;
using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>
/// <c>{appID}</c> and <c>{namespace}</c> outside the consumer-group keys: in a sidecar they name its one app; in
/// the gateway one client per component serves every app, so they take the gateway's own name,
/// <see cref="MarkerValues.ProcessAppId"/>. Say so, since the value differs from Dapr's.
/// </summary>
internal sealed class ProcessKeyMarkerRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var draft in resources.ComponentDrafts)
        {
            foreach (var item in draft.Items.Where(item => !item.IsReference && !AppOwnedKeys.Contains(item.Name)))
            {
                var appMarkers = new[] { MetadataMarkers.AppId, MetadataMarkers.Namespace }.Where(marker => item.Value.Contains(marker, StringComparison.Ordinal)).ToList();
                if (appMarkers.Count == 0)
                {
                    continue;
                }

                var values = new MarkerValues(MarkerValues.ProcessAppId, draft.Namespace, MetadataMarkers.PodName, () => MetadataMarkers.Uuid);
                diagnostics.AddWarning(draft.Problem(item.Line,
                    $"metadata '{item.Name}': {string.Join(" and ", appMarkers.Select(marker => $"'{marker}'"))} name no single app here: one client per component serves every app, "
                    + $"so the value is '{MetadataMarkers.Resolve(item.Value, values)}'; only {string.Join(" and ", AppOwnedKeys.All)} take the subscribing app's ID"));
            }
        }
    }
}
