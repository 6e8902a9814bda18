using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// The metadata keys of a <c>pubsub.kafka</c> component: every key Dapr documents for it (its
/// <c>metadata.yaml</c>, its docs page and its code, spec §5.1), each honoured or accepted with a
/// warning that says why it has no effect here, plus the gateway's own <c>publishTimeout</c>. The
/// parser reads metadata through <see cref="Table"/>; a test checks the table against <see cref="KafkaOptions"/>.
/// </summary>
public static partial class KafkaMetadataSchema
{
    /// <summary>The component <c>spec.type</c> served by this driver.</summary>
    public const string ComponentType = "pubsub.kafka";

    public const string Brokers = "brokers";
    public const string ConsumerGroup = "consumerGroup";
    public const string ClientId = "clientID";
    public const string AuthType = "authType";
    public const string AuthRequired = "authRequired";
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
    public const string BackOffMultiplier = "backOffMultiplier";
    public const string ConsumeRetryInterval = "consumeRetryInterval";
    public const string ConsumerFetchMin = "consumerFetchMin";
    public const string ConsumerFetchDefault = "consumerFetchDefault";
    public const string MetadataRefreshInterval = "clientConnectionTopicMetadataRefreshInterval";
    public const string KeepAliveInterval = "clientConnectionKeepAliveInterval";
    public const string DialTimeout = "dialTimeout";
    public const string ReadTimeout = "readTimeout";
    public const string WriteTimeout = "writeTimeout";
    public const string ProducerRetryMax = "producerRetryMax";
    public const string RebalanceStrategy = "consumerGroupRebalanceStrategy";
    public const string EscapeHeaders = "escapeHeaders";
    public const string ExcludeHeaderMetaRegex = "excludeHeaderMetaRegex";

    /// <summary>Every key, in documentation order.</summary>
    public static IReadOnlyList<MetadataKey> Keys => Table.Keys;
}
