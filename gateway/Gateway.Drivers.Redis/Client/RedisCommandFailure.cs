namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// A failed command, naming where it went and the command but never its arguments:
/// <c>redis 127.0.0.1:6379: XADD failed: not connected (SocketFailure)</c>.
/// </summary>
internal sealed class RedisCommandFailure(string where, string command, string reason, RedisFailureKind kind, Exception? innerException = null)
    : Exception($"redis {where}: {command} failed: {reason}", innerException)
{
    /// <summary>The server, or the topology, the command went to.</summary>
    public string Where { get; } = where;

    public string Command { get; } = command;

    public string Reason { get; } = reason;

    public RedisFailureKind Kind { get; } = kind;

    /// <summary>For <see cref="RedisFailureKind.Server"/>: the error's first word (<c>NOGROUP</c>, <c>READONLY</c>, <c>MOVED</c>, ...).</summary>
    public string? Code => Kind == RedisFailureKind.Server ? Reason.Split(' ', 2)[0] : null;
}
