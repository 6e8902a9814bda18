namespace Gateway.Drivers;

/// <summary>One message to store.</summary>
/// <param name="Topic">The broker topic (or stream) name.</param>
/// <param name="Data">The bytes to store unchanged: a CloudEvent JSON document, or a raw payload.</param>
/// <param name="ContentType">The content type of <paramref name="Data"/>, when the caller knows it.</param>
/// <param name="Metadata">Publish metadata (the <c>metadata.*</c> query parameters), stored beside the data the way Dapr stores it.</param>
public sealed record PublishRequest(
    string Topic,
    ReadOnlyMemory<byte> Data,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata);
