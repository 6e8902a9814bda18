namespace Gateway.Drivers;

/// <summary>
/// Optional capability: how far a consumer group is behind on a topic, for the consumer-lag gauge. What
/// "behind" counts depends on what the broker can tell; each driver documents its own.
/// </summary>
public interface IConsumerLag
{
    /// <summary>
    /// The number of messages of <paramref name="topic"/> that <paramref name="consumerGroup"/> has yet to
    /// consume, or null when it is not known (no such group here, or the broker does not say).
    /// Called from a background sampler, never on the delivery path.
    /// </summary>
    ValueTask<long?> GetLagAsync(string topic, string consumerGroup, CancellationToken cancellationToken);
}
