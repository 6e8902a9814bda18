namespace Gateway.Resources;

/// <summary>A fully validated set of resources, each list in manifest order.</summary>
internal sealed record ResourceSet(
    IReadOnlyList<ComponentSpec> Components,
    IReadOnlyList<SubscriptionSpec> Subscriptions,
    IReadOnlyList<AppSpec> Apps,
    IReadOnlyList<ResiliencySpec> Resiliencies)
{
    public static ResourceSet Empty { get; } = new([], [], [], []);

    /// <summary>The files the set's <c>secretstores.local.file</c> stores read (full paths): live reload watches them with the YAML.</summary>
    public IReadOnlyList<string> SecretFiles { get; init; } = [];
}
