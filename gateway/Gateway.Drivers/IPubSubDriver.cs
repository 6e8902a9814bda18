namespace Gateway.Drivers;

/// <summary>
/// A broker behind one pub/sub component. The contract is small on purpose: publish, subscribe,
/// dispose. Optional capabilities (bulk publish, health) are separate interfaces a driver may add.
/// </summary>
public interface IPubSubDriver : IAsyncDisposable
{
    /// <summary>
    /// Stores one message. Completes only after the broker has acknowledged the write; any doubt
    /// throws <see cref="DriverException"/>, because the caller turns completion into a 204.
    /// </summary>
    ValueTask PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Starts consuming <see cref="SubscribeRequest.Topic"/> as a member of
    /// <see cref="SubscribeRequest.ConsumerGroup"/>. Every message is passed to
    /// <paramref name="handler"/>; it is acknowledged to the broker only when the handler returns
    /// <see cref="MessageOutcome.Acknowledge"/>. Any other result, an exception, or a cancellation
    /// leaves it unacknowledged so it is delivered again.
    /// </summary>
    ValueTask<ISubscription> SubscribeAsync(SubscribeRequest request, MessageHandler handler, CancellationToken cancellationToken);
}

/// <summary>Processes one message and tells the driver what to do with it.</summary>
public delegate ValueTask<MessageOutcome> MessageHandler(BrokerMessage message, CancellationToken cancellationToken);
