using Gateway.Resources;
using Gateway.Scopes;

namespace Gateway.Pubsub;

/// <summary>
/// Whether a component exists for an app: same namespace, and the app is in the component's
/// <c>scopes</c> (or the list is empty). A sidecar of any other app would never have loaded it.
/// </summary>
internal static class ComponentVisibility
{
    public static bool IsVisibleTo(ComponentSpec component, string @namespace, string appId) =>
        string.Equals(component.Namespace, @namespace, StringComparison.Ordinal) && ResourceScopes.AppliesTo(component.Scopes, appId);

    /// <summary>The component named <paramref name="pubsubName"/> as the app sees it, or null.</summary>
    public static ComponentSpec? Find(IEnumerable<ComponentSpec> components, string @namespace, string appId, string pubsubName) =>
        components.FirstOrDefault(component =>
            string.Equals(component.Name, pubsubName, StringComparison.Ordinal) && IsVisibleTo(component, @namespace, appId));
}
