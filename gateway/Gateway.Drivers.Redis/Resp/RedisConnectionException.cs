namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// The command may not have reached the server, or its reply did not come back: the connection
/// could not be opened, broke, or stayed silent past the command timeout.
/// </summary>
internal sealed class RedisConnectionException(RedisEndpoint endpoint, string command, string reason, Exception? innerException = null)
    : RedisException(endpoint, command, reason, innerException);
