using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// The metadata keys a <c>pubsub.in-memory</c> component understands, with their defaults as they
/// would be written in YAML. The parser reads metadata through this table, and a test checks
/// that these defaults parse to the defaults of <see cref="InMemoryOptions"/>.
/// </summary>
public static class InMemoryMetadataSchema
{
    /// <summary>The component <c>spec.type</c> served by this driver.</summary>
    public const string ComponentType = "pubsub.in-memory";

    /// <summary>The key table.</summary>
    public static MetadataTable Table { get; } = new(ComponentType,
    [
        MetadataKey.Honoured(
            InMemoryOptions.MaxPendingMessagesKey,
            "100000",
            "Positive integer. The most stored, unacknowledged messages over all topics and consumer groups; a publish beyond it fails and can be retried."),
        MetadataKey.Honoured(
            InMemoryOptions.RedeliveryDelayKey,
            "1s",
            "Go duration (500ms, 1s, 1m30s). How long an unacknowledged message waits before it is offered to its group again."),
    ]);

    /// <summary>Every key, in documentation order.</summary>
    public static IReadOnlyList<MetadataKey> Keys => Table.Keys;
}
