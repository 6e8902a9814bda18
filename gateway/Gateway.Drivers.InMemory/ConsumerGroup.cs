using System.Threading.Channels;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// The messages one consumer group has not acknowledged yet. Every member subscription takes from
/// the same queue, so members compete for messages; the group outlives its members, so a later
/// member receives what earlier ones left unacknowledged.
/// </summary>
internal sealed class ConsumerGroup
{
    // Unbounded because the driver-wide PendingBudget is the bound; the queue itself must never refuse.
    private readonly Channel<PendingDelivery> _ready = Channel.CreateUnbounded<PendingDelivery>();
    private readonly PendingBudget _budget;
    private readonly TimeSpan _redeliveryDelay;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _brokerStopping;

    public ConsumerGroup(string topic, string name, PendingBudget budget, TimeSpan redeliveryDelay, TimeProvider timeProvider, CancellationToken brokerStopping)
    {
        Topic = topic;
        Name = name;
        _budget = budget;
        _redeliveryDelay = redeliveryDelay;
        _timeProvider = timeProvider;
        _brokerStopping = brokerStopping;
    }

    public string Topic { get; }

    public string Name { get; }

    public TimeSpan RedeliveryDelay => _redeliveryDelay;

    /// <summary>Messages ready for the group that no member has taken yet (its consumer lag).</summary>
    public long Waiting => _ready.Reader.Count;

    /// <summary>Makes <paramref name="delivery"/> available to the next member that asks.</summary>
    public void Offer(PendingDelivery delivery) => _ready.Writer.TryWrite(delivery);

    /// <summary>Waits for the next available message without holding a thread.</summary>
    public async ValueTask<PendingDelivery> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_ready.Reader.TryRead(out var delivery))
            {
                return delivery;
            }

            // A cancelled wait consumes nothing, so a member that stops here loses no message.
            if (!await _ready.Reader.WaitToReadAsync(cancellationToken))
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>Records that the group is done with one message, freeing its slot in the bound.</summary>
    public void Acknowledge() => _budget.Release();

    /// <summary>Offers the message again once the redelivery delay has passed on the broker's clock.</summary>
    public void OfferAfterDelay(PendingDelivery delivery)
    {
        if (_redeliveryDelay <= TimeSpan.Zero)
        {
            Offer(delivery);
            return;
        }

        _ = OfferLaterAsync(delivery);
    }

    private async Task OfferLaterAsync(PendingDelivery delivery)
    {
        try
        {
            await Task.Delay(_redeliveryDelay, _timeProvider, _brokerStopping);
        }
        catch (OperationCanceledException)
        {
            // The broker is shutting down and keeps nothing across restarts.
            return;
        }

        Offer(delivery);
    }
}
