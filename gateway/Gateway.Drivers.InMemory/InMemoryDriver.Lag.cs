namespace Gateway.Drivers.InMemory;

/// <summary>Consumer lag of the embedded broker: messages stored for the group that no member has taken yet.</summary>
internal sealed partial class InMemoryDriver : IConsumerLag
{
    public ValueTask<long?> GetLagAsync(string topic, string consumerGroup, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_topics.TryGetValue(topic, out var state) && state.FindGroup(consumerGroup) is { } group ? group.Waiting : (long?)null);
}
