namespace Gateway.Drivers.Kafka;

/// <summary>Checks that need more than one key: what is required, and what must agree.</summary>
internal static class KafkaOptionsRules
{
    /// <param name="options">The parsed options.</param>
    /// <param name="written">Schema name → the spelling used, for every key present.</param>
    public static IEnumerable<MetadataProblem> Check(KafkaOptions options, IReadOnlyDictionary<string, string> written)
    {
        if (!written.ContainsKey(KafkaMetadataSchema.Brokers))
        {
            yield return Missing(KafkaMetadataSchema.Brokers, "(a comma-separated host:port list of the bootstrap brokers)");
        }

        if (!written.ContainsKey(KafkaMetadataSchema.AuthType))
        {
            yield return Missing(KafkaMetadataSchema.AuthType, "('none', 'password', 'mtls' or 'certificate')");
        }

        if (options.AuthType == KafkaAuthType.Password)
        {
            foreach (var key in new[] { KafkaMetadataSchema.SaslUsername, KafkaMetadataSchema.SaslPassword })
            {
                if (!written.ContainsKey(key))
                {
                    yield return Missing(key, "with authType 'password'");
                }
            }
        }

        if (options.AuthType == KafkaAuthType.Mtls)
        {
            foreach (var key in new[] { KafkaMetadataSchema.ClientCert, KafkaMetadataSchema.ClientKey })
            {
                if (!written.ContainsKey(key))
                {
                    yield return Missing(key, "with authType 'mtls'");
                }
            }
        }

        if (options.AuthType == KafkaAuthType.Certificate && !written.ContainsKey(KafkaMetadataSchema.CaCert))
        {
            yield return Missing(KafkaMetadataSchema.CaCert, "with authType 'certificate'");
        }

        if (options.HeartbeatInterval >= options.SessionTimeout)
        {
            var key = written.GetValueOrDefault(KafkaMetadataSchema.HeartbeatInterval, KafkaMetadataSchema.HeartbeatInterval);
            yield return new MetadataProblem(key, $"metadata '{key}' ({options.HeartbeatInterval}) must be shorter than '{KafkaMetadataSchema.SessionTimeout}' ({options.SessionTimeout}), or the group drops members that are alive.");
        }
    }

    private static MetadataProblem Missing(string key, string why) => new(key, KafkaMessages.Required(key, why));
}
