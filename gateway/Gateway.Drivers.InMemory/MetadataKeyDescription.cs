namespace Gateway.Drivers.InMemory;

/// <summary>One documented metadata key.</summary>
/// <param name="Name">The key as documented (matching is case-insensitive).</param>
/// <param name="DefaultValue">The value used when the key is absent, written as in YAML.</param>
/// <param name="Description">What the key means and what values it takes.</param>
public sealed record MetadataKeyDescription(string Name, string DefaultValue, string Description);
