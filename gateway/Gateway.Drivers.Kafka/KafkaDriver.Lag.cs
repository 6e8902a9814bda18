namespace Gateway.Drivers.Kafka;

/// <summary>Consumer lag: the sum over this process's members of the group (see <see cref="KafkaSubscription.Lag"/>).</summary>
internal sealed partial class KafkaDriver : IConsumerLag
{
    public ValueTask<long?> GetLagAsync(string topic, string consumerGroup, CancellationToken cancellationToken)
    {
        long? total = null;
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                if (subscription.Topic == topic && subscription.ConsumerGroup == consumerGroup && subscription.Lag is { } lag)
                {
                    total = (total ?? 0) + lag;
                }
            }
        }

        return ValueTask.FromResult(total);
    }
}
