namespace Gateway.Resources.Parsing;

/// <summary>The kinds the gateway reads, the apiVersions each accepts, and the Dapr kinds it ignores.</summary>
internal static class ResourceKinds
{
    public const string Component = "Component";
    public const string Subscription = "Subscription";
    public const string App = "App";
    public const string Resiliency = "Resiliency";

    /// <summary>Kind to accepted apiVersions, the preferred one first.</summary>
    public static IReadOnlyDictionary<string, string[]> AcceptedVersions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Component] = ["dapr.io/v1alpha1"],
        [Subscription] = [SubscriptionParser.V2Alpha1, SubscriptionParser.V1Alpha1],
        [Resiliency] = ["dapr.io/v1alpha1"],
        [App] = ["gateway/v1alpha1"],
    };

    /// <summary>Dapr kinds that often sit in the same folder and are skipped with a warning.</summary>
    public static IReadOnlySet<string> Ignored { get; } = new HashSet<string>(["Configuration", "HTTPEndpoint"], StringComparer.Ordinal);

    public static string UnknownKindMessage(string kind)
    {
        var similar = AcceptedVersions.Keys.Concat(Ignored).FirstOrDefault(known => string.Equals(known, kind, StringComparison.OrdinalIgnoreCase));
        var hint = similar is null ? string.Empty : $"; did you mean '{similar}'? Kinds are case-sensitive";
        return $"unknown kind '{kind}'; the gateway reads Component, Subscription, Resiliency and App (Configuration and HTTPEndpoint are ignored){hint}; fix the kind or move this file out of the resources folder";
    }
}
