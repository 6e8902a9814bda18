namespace Gateway.Drivers.Kafka;

/// <summary>How the driver authenticates to the brokers (metadata <c>authType</c>).</summary>
public enum KafkaAuthType
{
    /// <summary><c>none</c>: no authentication and, as in Dapr, no TLS.</summary>
    None,

    /// <summary><c>password</c>: SASL with <c>saslUsername</c>/<c>saslPassword</c>, over TLS unless <c>disableTls</c>.</summary>
    Password,

    /// <summary><c>mtls</c>: a TLS client certificate (<c>clientCert</c> + <c>clientKey</c>).</summary>
    Mtls,

    /// <summary><c>certificate</c>: TLS checked against <c>caCert</c>, no client authentication.</summary>
    Certificate,

    /// <summary><c>oidc</c>, <c>oidc_private_key_jwt</c> or <c>awsiam</c>: Dapr's, not built here; loads with a warning and connects with TLS and no authentication.</summary>
    NotBuilt,
}
