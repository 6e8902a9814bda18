namespace Gateway.Drivers;

/// <summary>A message handed to a subscription handler.</summary>
/// <param name="Id">The broker's identifier for the message (offset, stream entry ID, sequence).</param>
/// <param name="Topic">The topic the message was read from.</param>
/// <param name="Data">The stored bytes, unchanged.</param>
/// <param name="ContentType">The stored content type, when the broker keeps one.</param>
/// <param name="Metadata">Metadata stored with the message plus what the broker adds about it.</param>
/// <param name="DeliveryCount">1 on first delivery; higher when the broker redelivers it.</param>
public sealed record BrokerMessage(
    string Id,
    string Topic,
    ReadOnlyMemory<byte> Data,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    int DeliveryCount);
