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
                ("none", KafkaAuthType.None), ("password", KafkaAuthType.Password), ("mtls", KafkaAuthType.Mtls), ("certificate", KafkaAuthType.Certificate),
                ("oidc", KafkaAuthType.NotBuilt), ("oidc_private_key_jwt", KafkaAuthType.NotBuilt), ("awsiam", KafkaAuthType.NotBuilt)):
                o.AuthType = auth;
                if (auth == KafkaAuthType.NotBuilt)
                {
                    entry.Warn($"is '{entry.Value.Trim()}', which the gateway does not build yet: it connects with TLS and without authentication, so brokers that require it refuse the connection.");
                }

                break;
            case KafkaMetadataSchema.AuthRequired when entry.TryBool(out var required):
                o.AuthRequired = required;
                break;
            case KafkaMetadataSchema.ConsumeRetryInterval when entry.TryDuration(Milliseconds, allowZero: true, out var retry):
                o.ConsumeRetryInterval = retry;
                break;
            case KafkaMetadataSchema.ConsumerFetchMin when entry.TryInteger(1, 100_000_000, out int fetchMin):
                o.FetchMinBytes = fetchMin;
                break;
            case KafkaMetadataSchema.ConsumerFetchDefault when entry.TryInteger(1, 1_000_000_000, out int fetchBytes):
                o.FetchPartitionBytes = fetchBytes;
                break;
            case KafkaMetadataSchema.MetadataRefreshInterval when entry.TryDuration(Milliseconds, allowZero: true, out var refresh):
                // Dapr: zero or less means the default.
                o.MetadataRefreshInterval = refresh > TimeSpan.Zero ? refresh : null;
                break;
            case KafkaMetadataSchema.KeepAliveInterval when entry.TryDuration(Milliseconds, allowZero: true, out var idle):
                o.ConnectionMaxIdle = idle;
                break;
            case KafkaMetadataSchema.DialTimeout when entry.TryDuration(Milliseconds, allowZero: false, out var dial):
                o.DialTimeout = dial;
                break;
            case KafkaMetadataSchema.ReadTimeout or KafkaMetadataSchema.WriteTimeout when entry.TryDuration(Milliseconds, allowZero: false, out var socket):
                o.SocketTimeout = o.SocketTimeout is { } other && other > socket ? other : socket;
                break;
            case KafkaMetadataSchema.ProducerRetryMax when entry.TryInteger(0, int.MaxValue, out int retries):
                o.ProducerRetries = Math.Max(1, retries);
                break;
            case KafkaMetadataSchema.RebalanceStrategy when entry.TryChoice(out string strategy, ("range", "range"), ("roundrobin", "roundrobin"), ("sticky", "sticky")):
                o.RebalanceStrategy = strategy == "roundrobin" ? PartitionAssignmentStrategy.RoundRobin : PartitionAssignmentStrategy.Range;
                if (strategy == "sticky")
                {
                    entry.Warn("is 'sticky', which librdkafka offers only as the cooperative protocol; 'range' is used, as Dapr does for a strategy it cannot use.");
                }

                break;
            case KafkaMetadataSchema.EscapeHeaders when entry.TryBool(out var escape):
                o.EscapeHeaders = escape;
                break;
            case KafkaMetadataSchema.ExcludeHeaderMetaRegex when Pattern(entry) is { } pattern:
                o.ExcludeHeaderMetaRegex = pattern;
                break;
            case KafkaMetadataSchema.BackOffMultiplier when double.TryParse(entry.Value.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var multiplier) && multiplier >= 1 && multiplier <= 100:
                o.BackOffMultiplier = multiplier;
                break;
            case KafkaMetadataSchema.BackOffMultiplier:
                entry.Reject("a number from 1 to 100, such as '1.5'");
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

    private static System.Text.RegularExpressions.Regex? Pattern(MetadataEntry entry)
    {
        if (entry.Value.Trim().Length == 0)
        {
            return null;
        }

        try
        {
            return new System.Text.RegularExpressions.Regex(entry.Value.Trim(), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            entry.Reject("a regular expression");
            return null;
        }
    }

    private static bool Pem(MetadataEntry entry) =>
        entry.Value.Contains("-----BEGIN ", StringComparison.Ordinal) || entry.Reject("PEM text starting with '-----BEGIN '");
}
