using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Kafka;

/// <summary>Checks that need more than one key: what is required, and what must agree.</summary>
internal static class KafkaOptionsRules
{
    public static void Check(KafkaOptions options, MetadataReading reading)
    {
        reading.Require(KafkaMetadataSchema.Brokers, "a comma-separated host:port list of the bootstrap brokers");
        if (!reading.Has(KafkaMetadataSchema.AuthType) && options.AuthRequired is { } required)
        {
            // Dapr's translation of the deprecated switch.
            options.AuthType = !required ? KafkaAuthType.None : options.SaslPassword is { Length: > 0 } ? KafkaAuthType.Password : KafkaAuthType.Mtls;
        }
        else if (!reading.Has(KafkaMetadataSchema.AuthRequired))
        {
            reading.Require(KafkaMetadataSchema.AuthType, "'none', 'password', 'mtls' or 'certificate'");
        }
        if (options.AuthType == KafkaAuthType.Password)
        {
            reading.Require(KafkaMetadataSchema.SaslUsername, "with authType 'password'");
            reading.Require(KafkaMetadataSchema.SaslPassword, "with authType 'password'");
        }

        if (options.AuthType == KafkaAuthType.Mtls)
        {
            reading.Require(KafkaMetadataSchema.ClientCert, "with authType 'mtls'");
            reading.Require(KafkaMetadataSchema.ClientKey, "with authType 'mtls'");
        }

        if (options.AuthType == KafkaAuthType.Certificate)
        {
            reading.Require(KafkaMetadataSchema.CaCert, "with authType 'certificate'");
        }

        if (options.HeartbeatInterval >= options.SessionTimeout)
        {
            var key = reading.Written(KafkaMetadataSchema.HeartbeatInterval);
            reading.Error(KafkaMetadataSchema.HeartbeatInterval,
                $"metadata '{key}' ({GoDuration.Format(options.HeartbeatInterval)}) must be shorter than '{KafkaMetadataSchema.SessionTimeout}' ({GoDuration.Format(options.SessionTimeout)}), or the group drops members that are alive.");
        }
    }
}
