using System.Text.RegularExpressions;
using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Settings of a <c>pubsub.kafka</c> component, read from its <c>spec.metadata</c> by
/// <see cref="KafkaMetadataSchema"/>'s keys (compared case-insensitively). Secrets are kept here
/// but never shown: <see cref="ToString"/> leaves them out.
/// </summary>
public sealed class KafkaOptions
{
    /// <summary>Comma-separated <c>host:port</c> list (<c>brokers</c>, required).</summary>
    public string Brokers { get; set; } = string.Empty;

    /// <summary>Client id sent to the brokers (<c>clientId</c>); default <c>gateway</c>.</summary>
    public string ClientId { get; set; } = "gateway";

    /// <summary><c>authType</c>, required: <c>none</c>, <c>password</c>, <c>mtls</c> or <c>certificate</c>.</summary>
    public KafkaAuthType AuthType { get; set; } = KafkaAuthType.None;

    public string? SaslUsername { get; set; }

    public string? SaslPassword { get; set; }

    /// <summary><c>saslMechanism</c>: <c>PLAIN</c> (default), <c>SHA-256</c> or <c>SHA-512</c>.</summary>
    public KafkaSaslMechanism SaslMechanism { get; set; } = KafkaSaslMechanism.Plain;

    /// <summary>
    /// <c>disableTls</c>: plain TCP to the brokers. TLS is on unless this is true or
    /// <see cref="AuthType"/> is <see cref="KafkaAuthType.None"/>, as in Dapr.
    /// </summary>
    public bool DisableTls { get; set; }

    /// <summary><c>skipVerify</c>: accept any broker certificate. For development only.</summary>
    public bool SkipVerify { get; set; }

    /// <summary><c>caCert</c>: PEM of the CA that signs the broker certificates; default the system's CAs.</summary>
    public string? CaCert { get; set; }

    /// <summary><c>clientCert</c>: PEM client certificate for <see cref="KafkaAuthType.Mtls"/>.</summary>
    public string? ClientCert { get; set; }

    /// <summary><c>clientKey</c>: PEM private key of <see cref="ClientCert"/>.</summary>
    public string? ClientKey { get; set; }

    /// <summary><c>initialOffset</c>: where a group starts on a partition it never committed; default newest.</summary>
    public KafkaInitialOffset InitialOffset { get; set; } = KafkaInitialOffset.Newest;

    /// <summary><c>maxMessageBytes</c>: the largest record the producer sends; 0 (default) = librdkafka's 1 MB.</summary>
    public int MaxMessageBytes { get; set; }

    /// <summary><c>compression</c>: <c>none</c> (default), <c>gzip</c>, <c>snappy</c>, <c>lz4</c> or <c>zstd</c>.</summary>
    public CompressionType Compression { get; set; } = CompressionType.None;

    /// <summary><c>sessionTimeout</c>: how long the group waits for a silent member; default 10s.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>heartbeatInterval</c>: how often a member tells the group it is alive; default 3s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <c>publishTimeout</c>: how long a publish may wait for the brokers' acknowledgement,
    /// retries included, before it fails as transient; default 30s.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>backOffPolicy</c>: how handling is retried in place; default constant.</summary>
    public KafkaBackOffPolicy BackOffPolicy { get; set; } = KafkaBackOffPolicy.Constant;

    /// <summary><c>backOffDuration</c>: the constant policy's delay; default 5s.</summary>
    public TimeSpan BackOffDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>backOffInitialInterval</c>: the exponential policy's first delay; default 500ms.</summary>
    public TimeSpan BackOffInitialInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>backOffMaxInterval</c>: the longest delay of either policy; default 60s.</summary>
    public TimeSpan BackOffMaxInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>authRequired</c> (deprecated): read only when <c>authType</c> is absent, as Dapr does.</summary>
    public bool? AuthRequired { get; set; }

    /// <summary><c>consumeRetryInterval</c>: the pause before consuming again after a consume error; default 100ms.</summary>
    public TimeSpan ConsumeRetryInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>backOffMultiplier</c>: how much each exponential delay grows; default 1.5.</summary>
    public double BackOffMultiplier { get; set; } = 1.5;

    /// <summary><c>consumerFetchMin</c> (<c>fetch.min.bytes</c>): the least data a fetch waits for; default 1 byte.</summary>
    public int FetchMinBytes { get; set; } = 1;

    /// <summary><c>consumerFetchDefault</c> (<c>max.partition.fetch.bytes</c>): the most data a fetch takes per partition; default 1 MiB.</summary>
    public int FetchPartitionBytes { get; set; } = 1_048_576;

    /// <summary>
    /// <c>fetch.wait.max.ms</c>: how long a broker may hold a fetch that found no data. The gateway's own
    /// default, 100ms: a real broker answers as soon as a record arrives, so this only bounds how stale an
    /// idle partition's fetch gets (librdkafka's 500ms made a mock cluster, which holds every empty fetch
    /// for the whole wait, deliver 300 ms late).
    /// </summary>
    public TimeSpan FetchWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>clientConnectionTopicMetadataRefreshInterval</c> (<c>topic.metadata.refresh.interval.ms</c>); null: librdkafka's 5m.</summary>
    public TimeSpan? MetadataRefreshInterval { get; set; }

    /// <summary><c>clientConnectionKeepAliveInterval</c> (<c>connections.max.idle.ms</c>): close connections idle this long; 0 (default) keeps them.</summary>
    public TimeSpan ConnectionMaxIdle { get; set; }

    /// <summary><c>dialTimeout</c> (<c>socket.connection.setup.timeout.ms</c>): how long connecting may take; null: librdkafka's 30s.</summary>
    public TimeSpan? DialTimeout { get; set; }

    /// <summary><c>readTimeout</c>/<c>writeTimeout</c> (<c>socket.timeout.ms</c>, the longer of the two): how long a request may wait; null: librdkafka's 60s.</summary>
    public TimeSpan? SocketTimeout { get; set; }

    /// <summary><c>producerRetryMax</c> (<c>message.send.max.retries</c>, at least 1 with idempotence); default librdkafka's, bounded by <see cref="PublishTimeout"/>.</summary>
    public int? ProducerRetries { get; set; }

    /// <summary><c>consumerGroupRebalanceStrategy</c>: <c>range</c> (default) or <c>roundrobin</c>.</summary>
    public PartitionAssignmentStrategy RebalanceStrategy { get; set; } = PartitionAssignmentStrategy.Range;

    /// <summary><c>escapeHeaders</c>: URL-escape header values delivered as metadata; default false.</summary>
    public bool EscapeHeaders { get; set; }

    /// <summary><c>excludeHeaderMetaRegex</c>: metadata names kept out of headers, and header names kept out of metadata.</summary>
    public Regex? ExcludeHeaderMetaRegex { get; set; }

    /// <summary>The header rules of <see cref="EscapeHeaders"/> and <see cref="ExcludeHeaderMetaRegex"/>.</summary>
    internal KafkaHeaderPolicy Headers => new(ExcludeHeaderMetaRegex, EscapeHeaders);

    /// <summary>Names the settings without their secrets.</summary>
    public override string ToString() =>
        $"brokers={Brokers}, clientId={ClientId}, authType={AuthType}, tls={UsesTls}, initialOffset={InitialOffset}, compression={Compression}";

    /// <summary>Whether connections to the brokers use TLS.</summary>
    internal bool UsesTls => !DisableTls && AuthType != KafkaAuthType.None;
}
