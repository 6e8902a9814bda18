namespace Gateway.Drivers.Kafka;

/// <summary>The SASL mechanism used with <see cref="KafkaAuthType.Password"/> (metadata <c>saslMechanism</c>).</summary>
public enum KafkaSaslMechanism
{
    /// <summary><c>PLAIN</c> (the default).</summary>
    Plain,

    /// <summary><c>SHA-256</c>: SCRAM-SHA-256.</summary>
    ScramSha256,

    /// <summary><c>SHA-512</c>: SCRAM-SHA-512.</summary>
    ScramSha512,
}
