namespace Gateway.Drivers.MetadataParsing;

/// <summary>What a driver does with one metadata key it knows.</summary>
public enum MetadataKeyStatus
{
    /// <summary>The key has its documented effect.</summary>
    Honoured,

    /// <summary>
    /// Dapr documents the key for this component type, so it loads; it has no effect here and a warning
    /// names it and says why (<see cref="MetadataKey.Reason"/>).
    /// </summary>
    Accepted,

    /// <summary>
    /// An older name Dapr still reads in place of <see cref="MetadataKey.ReplacedBy"/>: it is honoured, and
    /// a warning says to use the new name.
    /// </summary>
    Deprecated,
}
