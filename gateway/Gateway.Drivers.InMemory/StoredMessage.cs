namespace Gateway.Drivers.InMemory;

/// <summary>
/// A published message as the broker keeps it: copied at publish time so later changes to the
/// caller's buffers cannot reach it, and shared by every consumer group it was stored for.
/// </summary>
internal sealed record StoredMessage(
    string Id,
    string Topic,
    ReadOnlyMemory<byte> Data,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata);
