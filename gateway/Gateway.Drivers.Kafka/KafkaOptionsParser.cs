using Confluent.Kafka;
using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Turns component metadata into <see cref="KafkaOptions"/> through <see cref="KafkaMetadataSchema.Table"/>,
/// collecting every problem (and every missing or contradictory setting) instead of stopping at the first.
/// Never throws on bad input.
/// </summary>
internal static class KafkaOptionsParser
{
    private const DurationForm Milliseconds = DurationForm.MillisecondsOrGoDuration;

    public static KafkaOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new KafkaOptions();
        var reading = KafkaMetadataSchema.Table.Read(metadata, entry => Apply(options, entry));
        KafkaOptionsRules.Check(options, reading);
        problems = reading.Problems;
        return options;
    }

    private static void Apply(KafkaOptions o, MetadataEntry entry)
    {
        switch (entry.Name)
        {
            case KafkaMetadataSchema.Brokers when entry.TryText(out var brokers, "a comma-separated host:port list"):
                o.Brokers = brokers;
                break;
            case KafkaMetadataSchema.ClientId when entry.TryText(out var clientId, "a client id that is not empty"):
                o.ClientId = clientId;
                break;
            case KafkaMetadataSchema.AuthType when entry.TryChoice(out KafkaAuthType auth,
                ("none", KafkaAuthType.None), ("password", KafkaAuthType.Password), ("mtls", KafkaAuthType.Mtls), ("certificate", KafkaAuthType.Certificate)):
                o.AuthType = auth;
                break;
            case KafkaMetadataSchema.SaslUsername when entry.TryText(out var user, "a user name that is not empty"):
                o.SaslUsername = user;
                break;
            case KafkaMetadataSchema.SaslPassword when entry.TryText(out var password, "a password that is not empty"):
                o.SaslPassword = password;
                break;
            case KafkaMetadataSchema.SaslMechanism when entry.TryChoice(out KafkaSaslMechanism mechanism,
                ("PLAIN", KafkaSaslMechanism.Plain), ("PLAINTEXT", KafkaSaslMechanism.Plain), ("SHA-256", KafkaSaslMechanism.ScramSha256), ("SHA-512", KafkaSaslMechanism.ScramSha512)):
                o.SaslMechanism = mechanism;
                break;
            case KafkaMetadataSchema.DisableTls when entry.TryBool(out var disableTls):
                o.DisableTls = disableTls;
                break;
            case KafkaMetadataSchema.SkipVerify when entry.TryBool(out var skipVerify):
                o.SkipVerify = skipVerify;
                break;
            case KafkaMetadataSchema.CaCert when Pem(entry):
                o.CaCert = entry.Value;
                break;
            case KafkaMetadataSchema.ClientCert when Pem(entry):
                o.ClientCert = entry.Value;
                break;
            case KafkaMetadataSchema.ClientKey when Pem(entry):
                o.ClientKey = entry.Value;
                break;
            case KafkaMetadataSchema.InitialOffset when entry.TryChoice(out KafkaInitialOffset offset, ("oldest", KafkaInitialOffset.Oldest), ("newest", KafkaInitialOffset.Newest)):
                o.InitialOffset = offset;
                break;
            case KafkaMetadataSchema.MaxMessageBytes when entry.TryInteger(0, int.MaxValue, out int bytes):
                o.MaxMessageBytes = bytes;
                break;
            case KafkaMetadataSchema.Compression when entry.TryChoice(out CompressionType compression,
                ("none", CompressionType.None), ("gzip", CompressionType.Gzip), ("snappy", CompressionType.Snappy), ("lz4", CompressionType.Lz4), ("zstd", CompressionType.Zstd)):
                o.Compression = compression;
                break;
            case KafkaMetadataSchema.ProducerRequiredAcks when entry.TryChoice(out string acks, ("all", "all"), ("local", "local"), ("none", "none")) && acks != "all":
                entry.Warn($"is '{entry.Value.Trim()}'; the gateway uses 'all' all the same, because it answers a publish with 204 only once every in-sync replica has the record.");
                break;
            case KafkaMetadataSchema.SessionTimeout when entry.TryDuration(Milliseconds, allowZero: false, out var session):
                o.SessionTimeout = session;
                break;
            case KafkaMetadataSchema.HeartbeatInterval when entry.TryDuration(Milliseconds, allowZero: false, out var heartbeat):
                o.HeartbeatInterval = heartbeat;
                break;
            case KafkaMetadataSchema.PublishTimeout when entry.TryDuration(Milliseconds, allowZero: false, out var publish):
                o.PublishTimeout = publish;
                break;
            case KafkaMetadataSchema.BackOffPolicy when entry.TryChoice(out KafkaBackOffPolicy policy, ("constant", KafkaBackOffPolicy.Constant), ("exponential", KafkaBackOffPolicy.Exponential)):
                o.BackOffPolicy = policy;
                break;
            case KafkaMetadataSchema.BackOffDuration when entry.TryDuration(Milliseconds, allowZero: true, out var constant):
                o.BackOffDuration = constant;
                break;
            case KafkaMetadataSchema.BackOffInitialInterval when entry.TryDuration(Milliseconds, allowZero: true, out var initial):
                o.BackOffInitialInterval = initial;
                break;
            case KafkaMetadataSchema.BackOffMaxInterval when entry.TryDuration(Milliseconds, allowZero: false, out var longest):
                o.BackOffMaxInterval = longest;
                break;
        }
    }

    private static bool Pem(MetadataEntry entry) =>
        entry.Value.Contains("-----BEGIN ", StringComparison.Ordinal) || entry.Reject("PEM text starting with '-----BEGIN '");
}
