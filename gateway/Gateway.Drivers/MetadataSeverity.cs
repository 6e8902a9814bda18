namespace Gateway.Drivers;

/// <summary>Whether a <see cref="MetadataProblem"/> stops the component from loading.</summary>
public enum MetadataSeverity
{
    /// <summary>A value that cannot be right (a bad duration, an unknown enum value, a number out of range, a missing required key): the component does not load.</summary>
    Error,

    /// <summary>
    /// The component loads and the gateway says what it did: a key nobody knows (with the nearest known one),
    /// a key Dapr documents that has no effect here (and why), a deprecated key.
    /// </summary>
    Warning,
}
