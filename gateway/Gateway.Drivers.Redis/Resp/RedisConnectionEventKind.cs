namespace Gateway.Drivers.Redis.Resp;

internal enum RedisConnectionEventKind
{
    Connected,
    Lost,
    AttemptFailed,
    Reconnected,
}
