namespace Gateway.Drivers.InMemory;

/// <summary>
/// Settings of a <c>pubsub.in-memory</c> component, read from its <c>spec.metadata</c>.
/// Keys are compared case-insensitively; see <see cref="InMemoryMetadataSchema"/> for the list.
/// </summary>
public sealed class InMemoryOptions
{
    /// <summary>Metadata key of <see cref="MaxPendingMessages"/>.</summary>
    public const string MaxPendingMessagesKey = "maxPendingMessages";

    /// <summary>Metadata key of <see cref="RedeliveryDelay"/>.</summary>
    public const string RedeliveryDelayKey = "redeliveryDelay";

    /// <summary>Default of <see cref="MaxPendingMessages"/>.</summary>
    public const int DefaultMaxPendingMessages = 100_000;

    /// <summary>Default of <see cref="RedeliveryDelay"/>.</summary>
    public static readonly TimeSpan DefaultRedeliveryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most messages the broker holds that are stored and not yet acknowledged, summed over all
    /// topics and consumer groups (a message kept for two groups counts twice). A publish that would
    /// exceed it fails with a transient <see cref="DriverException"/> and stores nothing.
    /// Default 100000; must be positive.
    /// </summary>
    public int MaxPendingMessages { get; set; } = DefaultMaxPendingMessages;

    /// <summary>
    /// How long a message whose handler did not acknowledge it (redeliver, exception, cancellation)
    /// waits before it is offered to the group again. Written as a Go duration (<c>500ms</c>,
    /// <c>1s</c>, <c>1m30s</c>). Default 1s; <c>0</c> offers it again at once.
    /// </summary>
    public TimeSpan RedeliveryDelay { get; set; } = DefaultRedeliveryDelay;
}
