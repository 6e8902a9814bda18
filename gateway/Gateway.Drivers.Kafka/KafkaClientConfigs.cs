using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>Builds librdkafka settings for the producer and the consumers from one <see cref="KafkaOptions"/>.</summary>
internal static class KafkaClientConfigs
{
    public static ProducerConfig Producer(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            MessageTimeoutMs = Milliseconds(options.PublishTimeout),
            CompressionType = options.Compression,
            // Partitions are chosen by KafkaPartitioner, installed on the producer.
            LingerMs = 1,
        };
        if (options.ProducerRetries is { } retries)
        {
            config.MessageSendMaxRetries = retries;
        }

        if (options.MaxMessageBytes > 0)
        {
            config.MessageMaxBytes = options.MaxMessageBytes;
        }

        ApplyConnection(config, options);
        return config;
    }

    public static ConsumerConfig Consumer(KafkaOptions options, string group)
    {
        var config = new ConsumerConfig
        {
            GroupId = group,
            // Offsets are committed by the subscription itself, only up to what was handled.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            // Only a fallback: the subscription resolves and commits the start itself (KafkaSubscription).
            AutoOffsetReset = options.InitialOffset == KafkaInitialOffset.Oldest ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest,
            SessionTimeoutMs = Milliseconds(options.SessionTimeout),
            HeartbeatIntervalMs = Milliseconds(options.HeartbeatInterval),
            // Subscribing to a topic nobody has written yet creates it (where the brokers allow it),
            // so the group owns its partitions from the start instead of after a metadata refresh.
            AllowAutoCreateTopics = true,
            PartitionAssignmentStrategy = options.RebalanceStrategy,
            EnablePartitionEof = false,
            FetchMinBytes = options.FetchMinBytes,
            MaxPartitionFetchBytes = options.FetchPartitionBytes,
            FetchWaitMaxMs = Milliseconds(options.FetchWait),
        };
        ApplyConnection(config, options);
        return config;
    }

    private static void ApplyConnection(ClientConfig config, KafkaOptions options)
    {
        config.BootstrapServers = options.Brokers;
        config.ClientId = options.ClientId;
        // Requests go out at once instead of waiting for the previous segment's ACK (Nagle): every
        // publish and every fetch is a small request that someone waits for.
        config.SocketNagleDisable = true;
        if (options.MetadataRefreshInterval is { } refresh)
        {
            config.TopicMetadataRefreshIntervalMs = Milliseconds(refresh);
        }

        if (options.ConnectionMaxIdle > TimeSpan.Zero)
        {
            config.ConnectionsMaxIdleMs = Milliseconds(options.ConnectionMaxIdle);
        }

        if (options.DialTimeout is { } dial)
        {
            config.SocketConnectionSetupTimeoutMs = Milliseconds(dial);
        }

        if (options.SocketTimeout is { } socket)
        {
            config.SocketTimeoutMs = Milliseconds(socket);
        }

        var sasl = options.AuthType == KafkaAuthType.Password;
        config.SecurityProtocol = (sasl, options.UsesTls) switch
        {
            (true, true) => SecurityProtocol.SaslSsl,
            (true, false) => SecurityProtocol.SaslPlaintext,
            (false, true) => SecurityProtocol.Ssl,
            (false, false) => SecurityProtocol.Plaintext,
        };
        if (sasl)
        {
            config.SaslUsername = options.SaslUsername;
            config.SaslPassword = options.SaslPassword;
            config.SaslMechanism = options.SaslMechanism switch
            {
                KafkaSaslMechanism.ScramSha256 => SaslMechanism.ScramSha256,
                KafkaSaslMechanism.ScramSha512 => SaslMechanism.ScramSha512,
                _ => SaslMechanism.Plain,
            };
        }

        if (options.UsesTls)
        {
            config.SslCaPem = options.CaCert;
            config.SslCertificatePem = options.ClientCert;
            config.SslKeyPem = options.ClientKey;
            if (options.SkipVerify)
            {
                config.EnableSslCertificateVerification = false;
                config.SslEndpointIdentificationAlgorithm = SslEndpointIdentificationAlgorithm.None;
            }
        }
    }

    private static int Milliseconds(TimeSpan duration) => (int)Math.Clamp(duration.TotalMilliseconds, 1, int.MaxValue);
}
