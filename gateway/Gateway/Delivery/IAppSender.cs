using Gateway.Resiliency;

namespace Gateway.Delivery;

/// <summary>
/// How deliveries reach an app: the one part of the delivery pipeline that differs per channel. Decoding,
/// expiry, routing, retries, dead letters and acknowledgement happen before and after it, the same for all.
/// A sender waits for the app's back-off and concurrency slot, bounds the exchange by the timeout given,
/// and turns transport failures and timeouts into replies that retry; only cancellation throws.
/// </summary>
internal interface IAppSender
{
    /// <summary>Sends one structured CloudEvent to <paramref name="path"/> and reads the app's verdict.</summary>
    Task<AppReply> SendAsync(string path, ReadOnlyMemory<byte> cloudEvent, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Sends a batch of entries of one topic to <paramref name="path"/> and reads the app's verdict per entry.</summary>
    Task<BulkReply> SendBatchAsync(
        string path, string topic, string pubsubName, IReadOnlyList<BulkEntry> entries, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken);
}
