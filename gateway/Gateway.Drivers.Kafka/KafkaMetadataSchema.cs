namespace Gateway.Drivers.Kafka;

/// <summary>
/// The metadata keys a <c>pubsub.kafka</c> component understands (a subset of Dapr's, §5.1 of the
/// spec), with defaults as they would be written in YAML. The parser takes its list of known keys
/// from here, and a test checks that these defaults parse to the defaults of <see cref="KafkaOptions"/>.
/// </summary>
public static class KafkaMetadataSchema
{
    /// <summary>The component <c>spec.type</c> served by this driver.</summary>
    public const string ComponentType = "pubsub.kafka";

    public const string Brokers = "brokers";
    public const string ConsumerGroup = "consumerGroup";
    public const string ClientId = "clientId";
    public const string AuthType = "authType";
    public const string SaslUsername = "saslUsername";
    public const string SaslPassword = "saslPassword";
    public const string SaslMechanism = "saslMechanism";
    public const string DisableTls = "disableTls";
    public const string SkipVerify = "skipVerify";
    public const string CaCert = "caCert";
    public const string ClientCert = "clientCert";
    public const string ClientKey = "clientKey";
    public const string InitialOffset = "initialOffset";
    public const string MaxMessageBytes = "maxMessageBytes";
    public const string Compression = "compression";
    public const string ProducerRequiredAcks = "producerRequiredAcks";
    public const string SessionTimeout = "sessionTimeout";
    public const string HeartbeatInterval = "heartbeatInterval";
    public const string PublishTimeout = "publishTimeout";
    public const string BackOffPolicy = "backOffPolicy";
    public const string BackOffDuration = "backOffDuration";
    public const string BackOffInitialInterval = "backOffInitialInterval";
    public const string BackOffMaxInterval = "backOffMaxInterval";

    /// <summary>Every key, in documentation order.</summary>
    public static IReadOnlyList<KafkaMetadataKey> Keys { get; } =
    [
        new(Brokers, "", "Required. Comma-separated host:port list of bootstrap brokers."),
        new(ConsumerGroup, "", "Accepted for Dapr compatibility and ignored: the gateway names the group of each subscription."),
        new(ClientId, "gateway", "Client id sent to the brokers."),
        new(AuthType, "", "Required. none, password (SASL), mtls (client certificate) or certificate (TLS with caCert)."),
        new(SaslUsername, "", "SASL user name; required with authType password."),
        new(SaslPassword, "", "SASL password; required with authType password.", IsSecret: true),
        new(SaslMechanism, "PLAIN", "PLAIN, SHA-256 (SCRAM-SHA-256) or SHA-512 (SCRAM-SHA-512)."),
        new(DisableTls, "false", "true: plain TCP. TLS is used unless this is true or authType is none."),
        new(SkipVerify, "false", "true: accept any broker certificate. Development only."),
        new(CaCert, "", "PEM of the CA that signs the broker certificates; default the system's CAs."),
        new(ClientCert, "", "PEM client certificate; required with authType mtls."),
        new(ClientKey, "", "PEM private key of clientCert; required with authType mtls.", IsSecret: true),
        new(InitialOffset, "newest", "oldest or newest: where a consumer group starts on a partition it has never committed."),
        new(MaxMessageBytes, "0", "Largest record the producer sends, in bytes; 0 = librdkafka's default (1 MB)."),
        new(Compression, "none", "none, gzip, snappy, lz4 or zstd."),
        new(ProducerRequiredAcks, "all", "Only all: a publish is acknowledged only once every in-sync replica has the record."),
        new(SessionTimeout, "10s", "Duration: how long the group waits for a silent member before giving its partitions away."),
        new(HeartbeatInterval, "3s", "Duration below sessionTimeout: how often a member tells the group it is alive."),
        new(PublishTimeout, "30s", "Duration: how long a publish may wait for the brokers, retries included, before it fails as transient."),
        new(BackOffPolicy, "constant", "constant or exponential: how long a message that was not acknowledged waits before it is handled again."),
        new(BackOffDuration, "5s", "Duration: the constant policy's delay."),
        new(BackOffInitialInterval, "500ms", "Duration: the exponential policy's first delay (then times 1.5 per attempt)."),
        new(BackOffMaxInterval, "60s", "Duration: the longest delay of either policy."),
    ];
}
