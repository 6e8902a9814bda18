using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Every metadata key Dapr documents for a <c>pubsub.redis</c> component (its <c>metadata.yaml</c> and the
/// shared Redis settings), with defaults as written in YAML: those the driver honours, and those that load
/// with a warning saying why they have no effect on StackExchange.Redis. The parser reads metadata through
/// this table; a test checks it against <see cref="RedisOptions"/>, and docs/configuration.md repeats it.
/// </summary>
public static class RedisMetadataSchema
{
    /// <summary>The component <c>spec.type</c> served by this driver.</summary>
    public const string ComponentType = "pubsub.redis";

    private const string NoPool =
        "StackExchange.Redis sends every command of a component over one connection per server (pipelined), plus connections for the subscriptions' blocking reads (one per 64 subscriptions of a consumer group; in a cluster one per subscription); there is no pool to size or age.";

    private const string NoTokens = "token authentication (Microsoft Entra ID, OIDC) is not built; use redisUsername and redisPassword, or a client certificate.";

    /// <summary>The key table.</summary>
    public static MetadataTable Table { get; } = new(ComponentType,
    [
        MetadataKey.Honoured(RedisOptions.RedisHostKey, "", "Required. host:port of the server; with redisType cluster one or more cluster nodes, with failover true one or more sentinels, comma-separated. The port defaults to redisPort, else 6379."),
        MetadataKey.Honoured(RedisOptions.RedisPortKey, "", "Port of every redisHost address written without one; an address with another port is an error."),
        MetadataKey.Honoured(RedisOptions.RedisPasswordKey, "", "Password of the user; empty for none. A password the server refuses is an error at start and in health, never a fall-back to the default user.", secret: true),
        MetadataKey.Honoured(RedisOptions.RedisUsernameKey, "", "ACL user name (Redis 6+); empty for the default user. Checked after every connect (ACL WHOAMI / AUTH)."),
        MetadataKey.Honoured(RedisOptions.RedisDbKey, "0", "Non-negative integer: the database to select. Ignored with a warning in a cluster (as Dapr does)."),
        MetadataKey.Honoured(RedisOptions.RedisTypeKey, "node", "'node' (one server, or a Sentinel set with failover true) or 'cluster' (Redis Cluster: streams and the record store hash are routed by hash slot, redirects followed)."),
        MetadataKey.Honoured(RedisOptions.FailoverKey, "false", "true: redisHost lists sentinels, which name the primary of sentinelMasterName; the gateway follows every failover."),
        MetadataKey.Honoured(RedisOptions.SentinelMasterNameKey, "", "With failover true, required: the name the sentinels monitor."),
        MetadataKey.Honoured(RedisOptions.SentinelUsernameKey, "", "ACL user of the sentinels; empty: redisUsername."),
        MetadataKey.Honoured(RedisOptions.SentinelPasswordKey, "", "Password of the sentinels; empty: redisPassword.", secret: true),
        MetadataKey.Honoured(RedisOptions.EnableTlsKey, "false", "true to connect with TLS."),
        MetadataKey.Honoured(RedisOptions.InsecureSkipTlsVerifyKey, "false", "true to accept any server certificate (development only)."),
        MetadataKey.Honoured(RedisOptions.ClientCertKey, "", "PEM client certificate for mutual TLS; needs clientKey."),
        MetadataKey.Honoured(RedisOptions.ClientKeyKey, "", "PEM private key of clientCert.", secret: true),
        MetadataKey.Honoured(RedisOptions.CaCertKey, "", "PEM certificate authority the server certificate must chain to, instead of the system roots (a gateway addition)."),
        MetadataKey.Honoured(RedisOptions.ProcessingTimeoutKey, "60s", "Milliseconds, or a Go duration (60s). How long an entry stays pending before it is claimed again (XAUTOCLAIM); 0 turns redelivery off."),
        MetadataKey.Honoured(RedisOptions.RedeliverIntervalKey, "15s", "Milliseconds, or a Go duration (15s). How often pending entries are looked for; 0 turns redelivery off."),
        MetadataKey.Honoured(RedisOptions.QueueDepthKey, "100", "Positive integer: most entries read or claimed in one call."),
        MetadataKey.Honoured(RedisOptions.ConcurrencyKey, "10", "Positive integer: most handlers one subscription runs at once."),
        MetadataKey.Honoured(RedisOptions.MaxLenApproxKey, "0", "Non-negative integer: trim streams to about this many entries (XADD MAXLEN ~); 0 keeps everything."),
        MetadataKey.Honoured(RedisOptions.StreamTtlKey, "0", "Go duration: trim entries older than this (XADD MINID ~); 0 keeps everything."),
        MetadataKey.Honoured(RedisOptions.DialTimeoutKey, "5s", "Milliseconds, or a Go duration: how long connecting (TCP, TLS, AUTH) may take."),
        MetadataKey.Honoured(RedisOptions.ReadTimeoutKey, "3s", "Milliseconds, or a Go duration: how long a command may wait for its reply (or for a connection to come back) before it fails; -1 waits up to 1 minute."),
        MetadataKey.Honoured(RedisOptions.RedisMinRetryIntervalKey, "8ms", "Milliseconds, or a Go duration: the first pause between reconnection attempts, doubling up to redisMaxRetryInterval; -1 for none."),
        MetadataKey.Honoured(RedisOptions.RedisMaxRetryIntervalKey, "512ms", "Milliseconds, or a Go duration: the longest pause between reconnection attempts; -1 for none."),
        MetadataKey.Honoured(RedisOptions.PublishReplicaAcksKey, "0", "Gateway key, non-negative integer: a publish is answered 204 only after WAIT saw its entry on this many replicas; 5xx when they do not confirm within publishReplicaAckTimeout. 0 answers on the primary's XADD reply (Dapr's behaviour). See docs/operations.md."),
        MetadataKey.Honoured(RedisOptions.PublishReplicaAckTimeoutKey, "1s", "Gateway key, milliseconds or a Go duration: how long a publish waits for publishReplicaAcks replicas; shorter than readTimeout."),
        MetadataKey.Accepted("redisMaxRetries", "the driver never resends a command itself (a resent XADD could store an entry twice): a failed publish is answered 5xx and the publisher or the Resiliency policy decides; connections are re-opened continuously, paced by redisMinRetryInterval and redisMaxRetryInterval."),
        MetadataKey.Accepted("writeTimeout", "StackExchange.Redis times a command as a whole, from its write to its reply: readTimeout covers both."),
        MetadataKey.Accepted("poolSize", NoPool),
        MetadataKey.Accepted("poolTimeout", NoPool),
        MetadataKey.Accepted("minIdleConns", NoPool),
        MetadataKey.Accepted("maxConnAge", NoPool),
        MetadataKey.Accepted("idleTimeout", NoPool),
        MetadataKey.Accepted("idleCheckFrequency", NoPool),
        MetadataKey.Accepted("ackOnError", "the gateway acknowledges an entry once its delivery reaches a final outcome (success, drop, dead letter, expiry), which is what ackOnError=true asks for; retries follow the Resiliency policy."),
        MetadataKey.Accepted("useEntraID", NoTokens),
        MetadataKey.Accepted("useAzureAD", NoTokens),
        MetadataKey.Accepted("useOIDC", NoTokens),
        MetadataKey.Accepted("oidcTokenEndpoint", NoTokens),
        MetadataKey.Accepted("oidcClientID", NoTokens),
        MetadataKey.Accepted("oidcClientAssertionCert", NoTokens),
        MetadataKey.Accepted("oidcClientAssertionKey", NoTokens, secret: true),
        MetadataKey.Accepted("oidcResource", NoTokens),
        MetadataKey.Accepted("oidcAudience", NoTokens),
        MetadataKey.Accepted("oidcKid", NoTokens),
        MetadataKey.Accepted("oidcScopes", NoTokens),
        MetadataKey.Accepted("oidcCACert", NoTokens),
    ]);

    /// <summary>Every key, in documentation order.</summary>
    public static IReadOnlyList<MetadataKey> Keys => Table.Keys;
}
