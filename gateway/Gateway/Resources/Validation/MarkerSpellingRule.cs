using Gateway.Resources.Markers;
using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>
/// A marker written in another case (<c>{appId}</c>) is not replaced, by Dapr or the gateway: the value keeps
/// the braces. In <c>consumerID</c> that silently puts every app in one group; say so, with the right spelling.
/// </summary>
internal sealed class MarkerSpellingRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var draft in resources.ComponentDrafts)
        {
            foreach (var item in draft.Items.Where(item => !item.IsReference))
            {
                foreach (var (written, marker) in MetadataMarkers.Misspellings(item.Value).DistinctBy(found => found.Written))
                {
                    var effect = AppOwnedKeys.Contains(item.Name) ? ", so every app that subscribes through this component shares that one consumer group" : "";
                    diagnostics.AddWarning(draft.Problem(item.Line,
                        $"metadata '{item.Name}': '{written}' is not a marker (markers are case-sensitive) and stays as written{effect}; did you mean '{marker}'?"));
                }
            }
        }
    }
}
