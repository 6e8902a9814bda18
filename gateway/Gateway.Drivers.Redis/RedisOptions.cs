namespace Gateway.Drivers.Redis;

/// <summary>
/// Settings of a <c>pubsub.redis</c> component, read from its <c>spec.metadata</c> with Dapr's key
/// names. Keys are compared case-insensitively; <see cref="RedisMetadataSchema"/> lists every key Dapr
/// documents and what the gateway does with it. <see cref="ToString"/> never shows a password or the client key.
/// </summary>
public sealed class RedisOptions
{
    public const string RedisHostKey = "redisHost";
    public const string RedisPortKey = "redisPort";
    public const string RedisPasswordKey = "redisPassword";
    public const string RedisUsernameKey = "redisUsername";
    public const string RedisDbKey = "redisDB";
    public const string RedisTypeKey = "redisType";
    public const string FailoverKey = "failover";
    public const string SentinelMasterNameKey = "sentinelMasterName";
    public const string SentinelUsernameKey = "sentinelUsername";
    public const string SentinelPasswordKey = "sentinelPassword";
    public const string EnableTlsKey = "enableTLS";
    public const string InsecureSkipTlsVerifyKey = "insecureSkipTLSVerify";
    public const string ClientCertKey = "clientCert";
    public const string ClientKeyKey = "clientKey";
    public const string CaCertKey = "caCert";
    public const string ProcessingTimeoutKey = "processingTimeout";
    public const string RedeliverIntervalKey = "redeliverInterval";
    public const string QueueDepthKey = "queueDepth";
    public const string ConcurrencyKey = "concurrency";
    public const string MaxLenApproxKey = "maxLenApprox";
    public const string StreamTtlKey = "streamTTL";
    public const string DialTimeoutKey = "dialTimeout";
    public const string ReadTimeoutKey = "readTimeout";
    public const string RedisMinRetryIntervalKey = "redisMinRetryInterval";
    public const string RedisMaxRetryIntervalKey = "redisMaxRetryInterval";
    public const string PublishReplicaAcksKey = "publishReplicaAcks";
    public const string PublishReplicaAckTimeoutKey = "publishReplicaAckTimeout";

    /// <summary>
    /// <c>host:port</c> of the server (port 6379, or <see cref="RedisPort"/>, when left out). With
    /// <see cref="RedisTopology.Cluster"/> one or more cluster nodes, with <see cref="RedisTopology.Sentinel"/>
    /// one or more sentinels, comma-separated. Required.
    /// </summary>
    public string RedisHost { get; set; } = "";

    /// <summary>The port of every address in <see cref="RedisHost"/> that has none. Default 0: 6379.</summary>
    public int RedisPort { get; set; }

    /// <summary>Password of <see cref="RedisUsername"/> (or of the <c>default</c> user). Empty: no authentication.</summary>
    public string RedisPassword { get; set; } = "";

    /// <summary>ACL user name (Redis 6+). Empty: the <c>default</c> user.</summary>
    public string RedisUsername { get; set; } = "";

    /// <summary>Database selected after connecting (not in a cluster, which has only database 0). Default 0.</summary>
    public int RedisDb { get; set; }

    /// <summary>Node (default), Cluster or Sentinel; from <c>redisType</c> and <c>failover</c>.</summary>
    public RedisTopology Topology { get; set; } = RedisTopology.Node;

    /// <summary>With <see cref="RedisTopology.Sentinel"/>: the name the sentinels monitor the primary under.</summary>
    public string SentinelMasterName { get; set; } = "";

    /// <summary>ACL user of the sentinels; empty: <see cref="RedisUsername"/>.</summary>
    public string SentinelUsername { get; set; } = "";

    /// <summary>Password of the sentinels; empty: <see cref="RedisPassword"/>.</summary>
    public string SentinelPassword { get; set; } = "";

    /// <summary>Connect with TLS. Default false.</summary>
    public bool EnableTls { get; set; }

    /// <summary>Accept any server certificate. Development only. Default false.</summary>
    public bool InsecureSkipTlsVerify { get; set; }

    /// <summary>PEM client certificate for mutual TLS; needs <see cref="ClientKey"/>.</summary>
    public string ClientCert { get; set; } = "";

    /// <summary>PEM private key of <see cref="ClientCert"/>.</summary>
    public string ClientKey { get; set; } = "";

    /// <summary>PEM certificate authority (or several) the server certificate must chain to, instead of the system roots.</summary>
    public string CaCert { get; set; } = "";

    /// <summary>
    /// How long an entry may stay pending (delivered, not acknowledged) before any member of the group
    /// claims it again. Default 60s; <c>0</c> turns redelivery off.
    /// </summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often pending entries are looked for. Default 15s; <c>0</c> turns redelivery off.</summary>
    public TimeSpan RedeliverInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most entries read or claimed in one call. Default 100.</summary>
    public int QueueDepth { get; set; } = 100;

    /// <summary>Most handlers one subscription runs at once; the subscription's own limit applies too. Default 10.</summary>
    public int Concurrency { get; set; } = 10;

    /// <summary>Trim each stream to about this many entries on every publish (<c>MAXLEN ~</c>). Default 0: no trimming.</summary>
    public long MaxLenApprox { get; set; }

    /// <summary>Trim entries older than this on every publish (<c>MINID ~</c>). Default 0: no trimming.</summary>
    public TimeSpan StreamTtl { get; set; }

    /// <summary>How long opening a connection (TCP, TLS, authentication) may take. Default 5s.</summary>
    public TimeSpan DialTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a command may wait for its reply (or for a connection) before it fails. Default 3s.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The first pause between reconnection attempts; it doubles up to <see cref="RedisMaxRetryInterval"/>. Default 8ms.</summary>
    public TimeSpan RedisMinRetryInterval { get; set; } = TimeSpan.FromMilliseconds(8);

    /// <summary>The longest pause between reconnection attempts. Default 512ms.</summary>
    public TimeSpan RedisMaxRetryInterval { get; set; } = TimeSpan.FromMilliseconds(512);

    /// <summary>
    /// How many replicas must have a published entry (Redis <c>WAIT</c>) before the publish is answered 204.
    /// Default 0: answered once the primary's <c>XADD</c> reply arrives, as Dapr does.
    /// </summary>
    public int PublishReplicaAcks { get; set; }

    /// <summary>How long a publish waits for <see cref="PublishReplicaAcks"/> replicas before it fails with 5xx. Default 1s.</summary>
    public TimeSpan PublishReplicaAckTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when pending entries are ever claimed again (both timings above zero).</summary>
    public bool RedeliveryEnabled => ProcessingTimeout > TimeSpan.Zero && RedeliverInterval > TimeSpan.Zero;

    public override string ToString() =>
        $"redisHost={RedisHost} topology={Topology} redisDB={RedisDb} enableTLS={EnableTls} user={(RedisUsername.Length == 0 ? "default" : RedisUsername)} " +
        $"password={(RedisPassword.Length == 0 ? "none" : "set")} sentinelPassword={(SentinelPassword.Length == 0 ? "none" : "set")} " +
        $"processingTimeout={ProcessingTimeout} redeliverInterval={RedeliverInterval} queueDepth={QueueDepth} concurrency={Concurrency} " +
        $"maxLenApprox={MaxLenApprox} streamTTL={StreamTtl} publishReplicaAcks={PublishReplicaAcks}";
}
