namespace Gateway.Drivers;

/// <summary>
/// A running subscription. Disposing it stops taking new messages and waits for handlers in flight;
/// a handler that does not finish is cancelled and its message stays unacknowledged.
/// </summary>
public interface ISubscription : IAsyncDisposable
{
    /// <summary>The topic being consumed.</summary>
    string Topic { get; }

    /// <summary>The consumer group this subscription belongs to.</summary>
    string ConsumerGroup { get; }
}
