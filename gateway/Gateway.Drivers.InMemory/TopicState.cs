namespace Gateway.Drivers.InMemory;

/// <summary>
/// One topic: its message sequence and its consumer groups. Storing and creating a group share one
/// lock, so a publish is stored for exactly the groups that existed at that moment, all or none.
/// </summary>
internal sealed class TopicState(string name, PendingBudget budget, Func<string, string, ConsumerGroup> createGroup)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsumerGroup> _groups = new(StringComparer.Ordinal);
    private long _lastSequence;

    public string Name { get; } = name;

    public ConsumerGroup GetOrAddGroup(string groupName)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupName, out var group))
            {
                group = createGroup(Name, groupName);
                _groups.Add(groupName, group);
            }

            return group;
        }
    }

    /// <summary>The consumer group named <paramref name="groupName"/>, or null when it was never created.</summary>
    public ConsumerGroup? FindGroup(string groupName)
    {
        lock (_gate)
        {
            return _groups.GetValueOrDefault(groupName);
        }
    }

    /// <summary>Stores a message whose data and metadata the caller has already copied.</summary>
    public StoreOutcome TryStore(ReadOnlyMemory<byte> data, string? contentType, IReadOnlyDictionary<string, string> metadata)
    {
        lock (_gate)
        {
            if (_groups.Count == 0)
            {
                _lastSequence++;
                return StoreOutcome.Discarded;
            }

            if (!budget.TryReserve(_groups.Count))
            {
                return StoreOutcome.Full;
            }

            _lastSequence++;
            var message = new StoredMessage(
                _lastSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name,
                data,
                contentType,
                metadata);
            foreach (var group in _groups.Values)
            {
                group.Offer(new PendingDelivery(message, DeliveryCount: 1));
            }

            return StoreOutcome.Stored;
        }
    }
}
