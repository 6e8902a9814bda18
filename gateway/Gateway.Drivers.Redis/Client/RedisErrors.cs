using System.Net.Sockets;
using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Turns StackExchange.Redis exceptions into <see cref="RedisCommandFailure"/> with a short reason. The
/// client's own messages carry pages of diagnostics (thread pool counters, queue states); the reason keeps
/// what a person acts on. The full exception stays attached as the inner exception.
/// </summary>
internal static class RedisErrors
{
    /// <summary>
    /// Whether <paramref name="exception"/> is the client's (or already ours): what <see cref="Translate"/> turns into a
    /// <see cref="RedisCommandFailure"/>. <see cref="RedisTimeoutException"/> is a <see cref="TimeoutException"/>, not a
    /// <see cref="RedisException"/>, so it is named on its own: left out, a timed-out publish was an unhandled error and a
    /// timed-out <c>XAUTOCLAIM</c> ended a subscription's read loop.
    /// </summary>
    public static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or RedisTimeoutException or RedisCommandFailure or ObjectDisposedException;

    public static RedisCommandFailure Translate(Exception exception, string where, string command) => exception switch
    {
        RedisCommandFailure failure => failure,
        RedisException moved when moved.Message.StartsWith("Key has MOVED", StringComparison.Ordinal) || moved.Message.StartsWith("Key has ASK", StringComparison.Ordinal)
            => new(where, command, "the stream's hash slot moved (a failover or a resharding); the next attempt goes to its new owner", RedisFailureKind.Connection, moved),
        RedisServerException server => new(where, command, server.Message, RedisFailureKind.Server, server),
        RedisTimeoutException timeout when IsAuthenticationFailure(timeout) => new(where, command, CredentialsRefused, RedisFailureKind.CredentialsRefused, timeout),
        RedisTimeoutException timeout => new(where, command, Timeout(timeout), RedisFailureKind.Connection, timeout),
        RedisConnectionException connection when IsAuthenticationFailure(connection) => new(where, command, CredentialsRefused, RedisFailureKind.CredentialsRefused, connection),
        RedisConnectionException connection => new(where, command, NotConnected(connection), RedisFailureKind.Connection, connection),
        ObjectDisposedException disposed => new(where, command, "the client is shutting down", RedisFailureKind.Connection, disposed),
        RedisCommandException refused => new(where, command, refused.Message, RedisFailureKind.Server, refused),
        _ => new(where, command, FirstSentence(exception.Message), RedisFailureKind.Connection, exception),
    };

    /// <summary>
    /// The primary that owns <paramref name="key"/>. StackExchange.Redis throws <see cref="InvalidOperationException"/>
    /// when it knows of none (a Sentinel failover under way, every server it knows a replica): a connection failure like
    /// any other, to be answered and retried as one.
    /// </summary>
    public static IServer PrimaryOwning(ConnectionMultiplexer multiplexer, RedisKey key, string where, string command)
    {
        try
        {
            return multiplexer.GetServer(key, null, CommandFlags.DemandMaster);
        }
        catch (Exception failure) when (IsRedisFailure(failure))
        {
            throw Translate(failure, where, command);
        }
        catch (InvalidOperationException none)
        {
            throw new RedisCommandFailure(where, command, "no primary owns the stream right now (a failover under way?)", RedisFailureKind.Connection, none);
        }
    }

    private const string CredentialsRefused = "not connected: the server refused the credentials (AuthenticationFailure); check redisUsername and redisPassword";

    /// <summary>The client reports a refused AUTH as a connection failure, on the exception or as the cause of a backlog timeout.</summary>
    private static bool IsAuthenticationFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
                || current.Message.Contains("AuthenticationFailure on", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Timeout(RedisTimeoutException timeout) =>
        timeout.Message.Contains("backlog", StringComparison.OrdinalIgnoreCase)
            ? "not connected: no connection came back in time"
            : "no reply in time (readTimeout)";

    private static string NotConnected(RedisConnectionException connection)
    {
        var cause = connection.InnerException switch
        {
            SocketException socket => $": {socket.SocketErrorCode}",
            RedisConnectionException inner => $": {inner.FailureType}",
            _ => string.Empty,
        };
        if (connection.Message.Contains("is not reachable", StringComparison.Ordinal))
        {
            return $"the server owning the key is not reachable ({connection.FailureType}{cause})";
        }

        return $"not connected ({connection.FailureType}{cause})";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
