using Gateway.Resources.Markers;
using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>
/// Dapr treats a component whose metadata has <c>{namespace}</c> anywhere as namespace-scoped and puts the
/// namespace in front of every topic in the broker (<c>default</c> + <c>orders</c> = <c>defaultorders</c>). The
/// gateway uses topics as named, so it would not meet a Dapr sidecar of such a component on the same topics.
/// </summary>
internal sealed class NamespaceMarkerRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var draft in resources.ComponentDrafts)
        {
            if (draft.Items.FirstOrDefault(item => !item.IsReference && item.Value.Contains(MetadataMarkers.Namespace, StringComparison.Ordinal)) is not { } item)
            {
                continue;
            }

            diagnostics.AddWarning(draft.Problem(item.Line,
                $"'{MetadataMarkers.Namespace}' in metadata '{item.Name}' makes Dapr put the namespace in front of every topic of this component in the broker "
                + $"('{draft.Namespace}orders' for topic 'orders'); the gateway keeps topics as named, so Dapr sidecars using this component read and write other topics than the gateway"));
        }
    }
}
