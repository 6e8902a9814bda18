namespace Gateway.Drivers.InMemory;

/// <summary>A stored message waiting in one consumer group, with how often that group has been offered it.</summary>
internal sealed record PendingDelivery(StoredMessage Message, int DeliveryCount)
{
    public BrokerMessage ToBrokerMessage() =>
        new(Message.Id, Message.Topic, Message.Data, Message.ContentType, Message.Metadata, DeliveryCount);

    /// <summary>The same message, counted as offered once more.</summary>
    public PendingDelivery Again() => this with { DeliveryCount = DeliveryCount + 1 };
}
