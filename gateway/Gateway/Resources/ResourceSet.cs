namespace Gateway.Resources;

/// <summary>A fully validated set of resources, each list in manifest order.</summary>
internal sealed record ResourceSet(
    IReadOnlyList<ComponentSpec> Components,
    IReadOnlyList<SubscriptionSpec> Subscriptions,
    IReadOnlyList<AppSpec> Apps,
    IReadOnlyList<ResiliencySpec> Resiliencies)
{
    public static ResourceSet Empty { get; } = new([], [], [], []);
}
