namespace Gateway.Drivers.Redis.Client;

/// <summary>One <c>XADD</c> with an auto-generated ID.</summary>
internal sealed record StreamAddition(string Stream, StreamTrim Trim, IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> Fields);
