namespace Gateway.Drivers.Redis.Resp;

/// <summary>The server answered with an error reply, such as <c>NOGROUP ...</c> or <c>WRONGPASS ...</c>.</summary>
internal sealed class RedisServerException(RedisEndpoint endpoint, string command, string error)
    : RedisException(endpoint, command, error, null)
{
    /// <summary>The error's first word (<c>ERR</c>, <c>NOGROUP</c>, <c>LOADING</c>, ...), by which Redis classifies it.</summary>
    public string Code { get; } = error.Split(' ', 2)[0];
}
