using Gateway.Resources;

namespace Gateway.Pubsub;

/// <summary>Compares component declarations the way live reload needs: by what they declare, not where.</summary>
internal static class ComponentSpecs
{
    /// <summary>
    /// True when both declare the same component: name, namespace, type, version, metadata (in order)
    /// and scopes. The file and line they came from do not matter.
    /// </summary>
    public static bool AreEquivalent(ComponentSpec left, ComponentSpec right) =>
        left.Name == right.Name
        && left.Namespace == right.Namespace
        && left.Type == right.Type
        && left.Version == right.Version
        && left.Metadata.SequenceEqual(right.Metadata)
        && left.Scopes.SequenceEqual(right.Scopes, StringComparer.Ordinal);
}
