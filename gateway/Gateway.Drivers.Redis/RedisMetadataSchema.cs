namespace Gateway.Drivers.Redis;

/// <summary>
/// The metadata keys a <c>pubsub.redis</c> component understands (Dapr's names), with defaults as
/// written in YAML. The parser takes its known keys from here; a test checks the defaults against
/// <see cref="RedisOptions"/>.
/// </summary>
public static class RedisMetadataSchema
{
    /// <summary>The component <c>spec.type</c> served by this driver.</summary>
    public const string ComponentType = "pubsub.redis";

    /// <summary>Every key, in documentation order.</summary>
    public static IReadOnlyList<MetadataKeyDescription> Keys { get; } =
    [
        new(RedisOptions.RedisHostKey, "", "Required. host:port of the Redis server; the port defaults to 6379. One server only (no cluster or sentinel)."),
        new(RedisOptions.RedisPasswordKey, "", "Password of the user; empty for none.", IsSecret: true),
        new(RedisOptions.RedisUsernameKey, "", "ACL user name (Redis 6+); empty for the default user."),
        new(RedisOptions.RedisDbKey, "0", "Non-negative integer: the database to select."),
        new(RedisOptions.EnableTlsKey, "false", "true to connect with TLS."),
        new(RedisOptions.InsecureSkipTlsVerifyKey, "false", "true to accept any server certificate (development only)."),
        new(RedisOptions.ClientCertKey, "", "PEM client certificate for mutual TLS; needs clientKey."),
        new(RedisOptions.ClientKeyKey, "", "PEM private key of clientCert.", IsSecret: true),
        new(RedisOptions.CaCertKey, "", "PEM certificate authority the server certificate must chain to, instead of the system roots."),
        new(RedisOptions.ProcessingTimeoutKey, "60s", "Milliseconds, or a Go duration (60s). How long an entry stays pending before it is claimed again; 0 turns redelivery off."),
        new(RedisOptions.RedeliverIntervalKey, "15s", "Milliseconds, or a Go duration (15s). How often pending entries are looked for; 0 turns redelivery off."),
        new(RedisOptions.QueueDepthKey, "100", "Positive integer: most entries read or claimed in one call."),
        new(RedisOptions.ConcurrencyKey, "10", "Positive integer: most handlers one subscription runs at once."),
        new(RedisOptions.MaxLenApproxKey, "0", "Non-negative integer: trim streams to about this many entries (XADD MAXLEN ~); 0 keeps everything."),
        new(RedisOptions.StreamTtlKey, "0", "Go duration: trim entries older than this (XADD MINID ~); 0 keeps everything."),
        new(RedisOptions.DialTimeoutKey, "5s", "Milliseconds, or a Go duration: how long connecting (TCP, TLS, AUTH) may take."),
        new(RedisOptions.ReadTimeoutKey, "3s", "Milliseconds, or a Go duration: how long a reply may take before the connection counts as broken."),
    ];
}
