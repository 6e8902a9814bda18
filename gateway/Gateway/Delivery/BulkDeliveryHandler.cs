using Gateway.Drivers;
using Gateway.Resiliency;

namespace Gateway.Delivery;

/// <summary>
/// Delivers a <c>bulkSubscribe</c> subscription in batches. The driver hands messages over one by one;
/// <see cref="BulkBatcher"/> holds each handler call until its batch is full or old enough. Each message
/// of a batch is decoded, checked and routed exactly as single delivery does it (<see cref="MessageDecoder"/>),
/// the batch is sent as one request per route path (<see cref="BulkPathSender"/>), and each message gets its
/// own outcome from its entry's status through the same <see cref="DeliverySettlement"/>.
/// </summary>
internal sealed class BulkDeliveryHandler
{
    private readonly DeliveryTarget _target;
    private readonly DeliverySettlement _settlement;
    private readonly BulkPathSender _sender;
    private readonly BulkBatcher _batcher;
    private readonly TimeProvider _timeProvider;

    public BulkDeliveryHandler(DeliveryTarget target, DeliverySettlement settlement, BulkPathSender sender, BatchLimits limits, TimeProvider timeProvider)
    {
        _target = target;
        _settlement = settlement;
        _sender = sender;
        _batcher = new BulkBatcher(limits.MaxMessages, limits.MaxAwait, timeProvider, DeliverAsync);
        _timeProvider = timeProvider;
    }

    public ValueTask<MessageOutcome> HandleAsync(BrokerMessage message, CancellationToken cancellationToken) =>
        new(_batcher.AddAsync(message, cancellationToken));

    /// <summary>Delivers one batch; the outcomes are in the order of <paramref name="messages"/>.</summary>
    internal async Task<IReadOnlyList<MessageOutcome>> DeliverAsync(IReadOnlyList<BrokerMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new MessageOutcome[messages.Count];
        var byPath = new Dictionary<string, List<BulkEntry>>(StringComparer.Ordinal);
        var entryIds = new HashSet<string>(StringComparer.Ordinal);
        var raw = _target.RawPayload == true;
        for (var index = 0; index < messages.Count; index++)
        {
            var message = messages[index];
            var decoded = MessageDecoder.Decode(message, _target, _timeProvider.GetUtcNow());
            if (decoded.Path is not { } path)
            {
                outcomes[index] = await _settlement.SettleUnsentAsync(message, decoded, cancellationToken);
                continue;
            }

            // The broker's ID names the entry; a repeated or empty one (two partitions) gets a fresh one.
            var entryId = message.Id.Length > 0 && entryIds.Add(message.Id) ? message.Id : Guid.NewGuid().ToString();
            // A raw entry carries the bytes themselves (base64); a CloudEvent entry the event the app would get alone.
            var entry = new BulkEntry(entryId, index, raw ? message.Data : decoded.CloudEvent, raw, message.Metadata, decoded.TraceParent, decoded.TraceState);
            if (!byPath.TryGetValue(path, out var entries))
            {
                byPath[path] = entries = [];
            }

            entries.Add(entry);
        }

        await Task.WhenAll(byPath.Select(group => SendPathAsync(group.Key, group.Value, messages, outcomes, cancellationToken)));
        return outcomes;
    }

    private async Task SendPathAsync(string path, List<BulkEntry> entries, IReadOnlyList<BrokerMessage> messages, MessageOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var (statuses, detail) = await _sender.SendAsync(path, entries, cancellationToken);
        var notDelivered = statuses.Count(status => status != AppReplyStatus.Success);
        if (notDelivered > 0)
        {
            _settlement.BatchNotDelivered(notDelivered, entries.Count, path, detail);
        }

        for (var position = 0; position < entries.Count; position++)
        {
            var entry = entries[position];
            outcomes[entry.Index] = await _settlement.SettleAsync(messages[entry.Index], statuses[position], path, detail: null, cancellationToken);
        }
    }

}
