using Gateway.Resources.Markers;
using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>
/// <c>{podName}</c> and <c>{uuid}</c> in a consumer group mean something else in a gateway than in a sidecar.
/// A Dapr pod holds one app, so <c>consumerID: "{podName}"</c> is one group per app and pod; a gateway replica
/// serves every app, so the same group is shared by all apps on that replica (they split the messages) unless
/// <c>{appID}</c> or <c>{namespace}</c> tells them apart; and a group per replica has every replica deliver every
/// message, so the app receives each message once per gateway replica.
/// </summary>
internal sealed class ConsumerGroupMarkerRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var draft in resources.ComponentDrafts)
        {
            foreach (var item in draft.Items.Where(item => !item.IsReference && AppOwnedKeys.Contains(item.Name)))
            {
                var perReplica = new[] { MetadataMarkers.PodName, MetadataMarkers.Uuid }.Where(marker => item.Value.Contains(marker, StringComparison.Ordinal)).ToList();
                if (perReplica.Count == 0)
                {
                    continue;
                }

                var named = string.Join(" and ", perReplica.Select(marker => $"'{marker}'"));
                var perApp = item.Value.Contains(MetadataMarkers.AppId, StringComparison.Ordinal) || item.Value.Contains(MetadataMarkers.Namespace, StringComparison.Ordinal);
                var message = perApp
                    ? $"metadata '{item.Name}': {named} gives each gateway replica a consumer group of its own, so every replica delivers every message and an app receives each message once per replica; use '{MetadataMarkers.AppId}' alone for each message once"
                    : $"metadata '{item.Name}': with {named} and no '{MetadataMarkers.AppId}', every app that subscribes through this component shares one consumer group on each gateway replica, so the apps split the messages (a Dapr pod holds one app; a gateway replica serves them all); write '{MetadataMarkers.AppId}' (or '{MetadataMarkers.AppId}-{MetadataMarkers.PodName}')";
                diagnostics.AddWarning(draft.Problem(item.Line, message));
            }
        }
    }
}
