namespace Gateway.Drivers.Redis;

/// <summary>
/// Settings of a <c>pubsub.redis</c> component, read from its <c>spec.metadata</c> with Dapr's key
/// names. Keys are compared case-insensitively; see <see cref="RedisMetadataSchema"/> for the list.
/// <see cref="ToString"/> never shows the password or the client key.
/// </summary>
public sealed class RedisOptions
{
    public const string RedisHostKey = "redisHost";
    public const string RedisPasswordKey = "redisPassword";
    public const string RedisUsernameKey = "redisUsername";
    public const string RedisDbKey = "redisDB";
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

    /// <summary><c>host:port</c> of the server (port 6379 when left out). Required.</summary>
    public string RedisHost { get; set; } = "";

    /// <summary>Password of <see cref="RedisUsername"/> (or of the <c>default</c> user). Empty: no authentication.</summary>
    public string RedisPassword { get; set; } = "";

    /// <summary>ACL user name (Redis 6+). Empty: the <c>default</c> user.</summary>
    public string RedisUsername { get; set; } = "";

    /// <summary>Database selected after connecting. Default 0.</summary>
    public int RedisDb { get; set; }

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

    /// <summary>How long a reply may take before the connection is treated as broken. Default 3s.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>True when pending entries are ever claimed again (both timings above zero).</summary>
    public bool RedeliveryEnabled => ProcessingTimeout > TimeSpan.Zero && RedeliverInterval > TimeSpan.Zero;

    public override string ToString() =>
        $"redisHost={RedisHost} redisDB={RedisDb} enableTLS={EnableTls} user={(RedisUsername.Length == 0 ? "default" : RedisUsername)} " +
        $"password={(RedisPassword.Length == 0 ? "none" : "set")} processingTimeout={ProcessingTimeout} redeliverInterval={RedeliverInterval} " +
        $"queueDepth={QueueDepth} concurrency={Concurrency} maxLenApprox={MaxLenApprox} streamTTL={StreamTtl}";
}
