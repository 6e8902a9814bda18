namespace Gateway.Drivers.Redis.Resp;

/// <summary>Something that happened to a shared connection, reported so the driver can log it.</summary>
/// <param name="Reason">Why an attempt failed; null for the other kinds.</param>
internal sealed record RedisConnectionEvent(RedisConnectionEventKind Kind, RedisEndpoint Endpoint, string? Reason);
