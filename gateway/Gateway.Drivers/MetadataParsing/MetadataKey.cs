namespace Gateway.Drivers.MetadataParsing;

/// <summary>One metadata key of a component type: a row of the driver's key table.</summary>
/// <param name="Name">The key as documented; matching ignores case, as Dapr does.</param>
/// <param name="DefaultValue">The value used when the key is absent, written as in YAML; empty when there is none.</param>
/// <param name="Description">What the key means and what values it takes.</param>
public sealed record MetadataKey(string Name, string DefaultValue, string Description)
{
    /// <summary>True when the value must never appear in messages, logs or <c>ToString()</c>.</summary>
    public bool IsSecret { get; init; }

    /// <summary>Honoured, accepted with a warning, or a deprecated name.</summary>
    public MetadataKeyStatus Status { get; init; } = MetadataKeyStatus.Honoured;

    /// <summary>For <see cref="MetadataKeyStatus.Accepted"/>: why the key has no effect here.</summary>
    public string? Reason { get; init; }

    /// <summary>For <see cref="MetadataKeyStatus.Deprecated"/>: the key to use instead.</summary>
    public string? ReplacedBy { get; init; }

    /// <summary>A key with its documented effect.</summary>
    public static MetadataKey Honoured(string name, string defaultValue, string description, bool secret = false) =>
        new(name, defaultValue, description) { IsSecret = secret };

    /// <summary>A key Dapr documents that loads with a warning saying <paramref name="reason"/>.</summary>
    public static MetadataKey Accepted(string name, string reason, bool secret = false) =>
        new(name, string.Empty, $"Accepted, no effect: {reason}") { IsSecret = secret, Status = MetadataKeyStatus.Accepted, Reason = reason };

    /// <summary>An older name for <paramref name="replacedBy"/>: honoured, with a warning.</summary>
    public static MetadataKey Deprecated(string name, string replacedBy, string description, bool secret = false) =>
        new(name, string.Empty, description) { IsSecret = secret, Status = MetadataKeyStatus.Deprecated, ReplacedBy = replacedBy };
}
