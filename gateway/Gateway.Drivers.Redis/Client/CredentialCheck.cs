using StackExchange.Redis;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// Proves that the server took the configured user and password. StackExchange.Redis, refused by the server,
/// carries on as the <c>default</c> user when that user needs no password; a gateway configured for an ACL
/// user would then run with someone else's rights. So after every connect each connected server is asked:
/// with a password, <c>AUTH [user] password</c> must answer OK; with only a user name, <c>ACL WHOAMI</c> must
/// name it. Returns null when every server agreed, else the refusal (never the password).
/// </summary>
internal static class CredentialCheck
{
    public static async Task<RedisCommandFailure?> RunAsync(IConnectionMultiplexer multiplexer, RedisOptions options)
    {
        if (options.RedisPassword.Length == 0 && options.RedisUsername.Length == 0)
        {
            return null;
        }

        var user = options.RedisUsername.Length == 0 ? "default" : options.RedisUsername;
        foreach (var server in multiplexer.GetServers().Where(s => s.IsConnected))
        {
            var where = server.EndPoint.ToString() ?? "server";
            try
            {
                if (options.RedisPassword.Length > 0)
                {
                    object[] arguments = options.RedisUsername.Length == 0 ? [options.RedisPassword] : [options.RedisUsername, options.RedisPassword];
                    await server.ExecuteAsync("AUTH", arguments);
                }
                else if ((string?)await server.ExecuteAsync("ACL", "WHOAMI") is { } actual && actual != user)
                {
                    return Refused(where, "ACL WHOAMI", $"the server took the connection as user '{actual}', not '{user}'");
                }
            }
            catch (StackExchange.Redis.RedisServerException refused)
            {
                var reason = refused.Message.StartsWith("ERR AUTH", StringComparison.Ordinal)
                    ? "the server has no password for the default user, but 'redisPassword' is set (remove it, or set 'redisUsername')"
                    : $"user '{user}' was refused ({refused.Message.Split(' ', 2)[0]}); check redisUsername and redisPassword";
                return Refused(where, "AUTH", reason);
            }
        }

        return null;
    }

    private static RedisCommandFailure Refused(string where, string command, string reason) =>
        new(where, command, reason, RedisFailureKind.CredentialsRefused);
}
