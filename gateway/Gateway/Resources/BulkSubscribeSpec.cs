namespace Gateway.Resources;

/// <summary><c>spec.bulkSubscribe</c> of a subscription.</summary>
/// <param name="Enabled">Whether messages are delivered in batches.</param>
/// <param name="MaxMessagesCount">Largest batch; default 100.</param>
/// <param name="MaxAwaitDurationMs">Longest wait for a batch to fill, in milliseconds; default 1000.</param>
internal sealed record BulkSubscribeSpec(bool Enabled, int MaxMessagesCount, int MaxAwaitDurationMs)
{
    public const int DefaultMaxMessagesCount = 100;
    public const int DefaultMaxAwaitDurationMs = 1000;
}
