using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Redis;

/// <summary>
/// The metadata keys of a <c>pubsub.redis</c> component (Dapr's names), with defaults as written in
/// YAML: those the driver honours, and those Dapr documents that load with a warning saying why they
/// have no effect here. The parser reads metadata through this table; a test checks it against
/// <see cref="RedisOptions"/>.
/// </summary>
public static class RedisMetadataSchema
{
    /// <summary>The component <c>spec.type</c> served by this driver.</summary>
    public const string ComponentType = "pubsub.redis";

    private const string OneServer = "the gateway connects to the one server in redisHost; Redis Cluster and Sentinel failover are not built.";
    private const string OwnConnections = "the gateway keeps its own few connections per component (one shared, one per subscription) and reconnects on failure; go-redis pool and retry settings do not apply.";

    /// <summary>The key table.</summary>
    public static MetadataTable Table { get; } = new(ComponentType,
    [
        MetadataKey.Honoured(RedisOptions.RedisHostKey, "", "Required. host:port of the Redis server; the port defaults to 6379. One server only (no cluster or sentinel)."),
        MetadataKey.Honoured(RedisOptions.RedisPasswordKey, "", "Password of the user; empty for none.", secret: true),
        MetadataKey.Honoured(RedisOptions.RedisUsernameKey, "", "ACL user name (Redis 6+); empty for the default user."),
        MetadataKey.Honoured(RedisOptions.RedisDbKey, "0", "Non-negative integer: the database to select."),
        MetadataKey.Honoured(RedisOptions.EnableTlsKey, "false", "true to connect with TLS."),
        MetadataKey.Honoured(RedisOptions.InsecureSkipTlsVerifyKey, "false", "true to accept any server certificate (development only)."),
        MetadataKey.Honoured(RedisOptions.ClientCertKey, "", "PEM client certificate for mutual TLS; needs clientKey."),
        MetadataKey.Honoured(RedisOptions.ClientKeyKey, "", "PEM private key of clientCert.", secret: true),
        MetadataKey.Honoured(RedisOptions.CaCertKey, "", "PEM certificate authority the server certificate must chain to, instead of the system roots."),
        MetadataKey.Honoured(RedisOptions.ProcessingTimeoutKey, "60s", "Milliseconds, or a Go duration (60s). How long an entry stays pending before it is claimed again; 0 turns redelivery off."),
        MetadataKey.Honoured(RedisOptions.RedeliverIntervalKey, "15s", "Milliseconds, or a Go duration (15s). How often pending entries are looked for; 0 turns redelivery off."),
        MetadataKey.Honoured(RedisOptions.QueueDepthKey, "100", "Positive integer: most entries read or claimed in one call."),
        MetadataKey.Honoured(RedisOptions.ConcurrencyKey, "10", "Positive integer: most handlers one subscription runs at once."),
        MetadataKey.Honoured(RedisOptions.MaxLenApproxKey, "0", "Non-negative integer: trim streams to about this many entries (XADD MAXLEN ~); 0 keeps everything."),
        MetadataKey.Honoured(RedisOptions.StreamTtlKey, "0", "Go duration: trim entries older than this (XADD MINID ~); 0 keeps everything."),
        MetadataKey.Honoured(RedisOptions.DialTimeoutKey, "5s", "Milliseconds, or a Go duration: how long connecting (TCP, TLS, AUTH) may take."),
        MetadataKey.Honoured(RedisOptions.ReadTimeoutKey, "3s", "Milliseconds, or a Go duration: how long a reply may take before the connection counts as broken."),
        MetadataKey.Accepted("ackOnError", "the gateway acknowledges an entry once its delivery reaches a final outcome (success, drop, dead letter, expiry), which is what ackOnError=true asks for; retries follow the Resiliency policy."),
        MetadataKey.Accepted("redisType", OneServer),
        MetadataKey.Accepted("failover", OneServer),
        MetadataKey.Accepted("sentinelMasterName", OneServer),
        MetadataKey.Accepted("sentinelUsername", OneServer),
        MetadataKey.Accepted("sentinelPassword", OneServer, secret: true),
        MetadataKey.Accepted("redisMaxRetries", OwnConnections),
        MetadataKey.Accepted("redisMinRetryInterval", OwnConnections),
        MetadataKey.Accepted("redisMaxRetryInterval", OwnConnections),
        MetadataKey.Accepted("writeTimeout", "a write counts as failed when its reply does not arrive within readTimeout."),
        MetadataKey.Accepted("poolSize", OwnConnections),
        MetadataKey.Accepted("poolTimeout", OwnConnections),
        MetadataKey.Accepted("minIdleConns", OwnConnections),
        MetadataKey.Accepted("maxConnAge", OwnConnections),
        MetadataKey.Accepted("idleTimeout", OwnConnections),
        MetadataKey.Accepted("idleCheckFrequency", OwnConnections),
        MetadataKey.Accepted("useEntraID", "Microsoft Entra ID token authentication is not built; use redisUsername and redisPassword, or a client certificate."),
    ]);

    /// <summary>Every key, in documentation order.</summary>
    public static IReadOnlyList<MetadataKey> Keys => Table.Keys;
}
