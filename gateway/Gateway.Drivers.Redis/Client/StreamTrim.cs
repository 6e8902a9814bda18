namespace Gateway.Drivers.Redis.Client;

/// <summary>How <c>XADD</c> trims the stream: not at all, <c>MAXLEN ~ n</c> or <c>MINID ~ id</c>.</summary>
internal sealed record StreamTrim(long? MaxLengthApprox, string? MinIdApprox)
{
    public static StreamTrim None { get; } = new(null, null);

    public static StreamTrim MaxLength(long length) => new(length, null);

    public static StreamTrim MinId(string id) => new(null, id);
}
