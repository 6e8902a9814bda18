namespace Gateway.Drivers.Redis.Resp;

/// <summary>A failed command, naming the server and the command but never its arguments.</summary>
internal abstract class RedisException(RedisEndpoint endpoint, string command, string reason, Exception? innerException)
    : Exception($"redis {endpoint}: {command} failed: {reason}", innerException)
{
    public RedisEndpoint Endpoint { get; } = endpoint;

    public string Command { get; } = command;

    public string Reason { get; } = reason;
}
