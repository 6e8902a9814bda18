using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>
/// How a subscription's messages are batched for delivery (Dapr's bulk subscribe, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/), whatever declared it.
/// </summary>
/// <param name="Enabled">Whether messages are delivered in batches; false delivers them one by one.</param>
/// <param name="MaxMessagesCount">Largest batch; default 100, at least 1.</param>
/// <param name="MaxAwaitDurationMs">Longest wait after a batch's first message before it is sent, in milliseconds; default 1000, 0 sends at once.</param>
internal sealed record BulkSubscribeOptions(bool Enabled, int MaxMessagesCount, int MaxAwaitDurationMs)
{
    /// <summary>The options of a <c>spec.bulkSubscribe</c>, or null when the subscription has none.</summary>
    public static BulkSubscribeOptions? FromSpec(BulkSubscribeSpec? spec) =>
        spec is null ? null : new(spec.Enabled, spec.MaxMessagesCount, spec.MaxAwaitDurationMs);

    /// <summary>Options with Dapr's defaults for what was not given; counts below their minimum take the default.</summary>
    public static BulkSubscribeOptions Create(bool enabled, int? maxMessagesCount, int? maxAwaitDurationMs) => new(
        enabled,
        maxMessagesCount is > 0 ? maxMessagesCount.Value : BulkSubscribeSpec.DefaultMaxMessagesCount,
        maxAwaitDurationMs is >= 0 ? maxAwaitDurationMs.Value : BulkSubscribeSpec.DefaultMaxAwaitDurationMs);
}
