using Gateway.Drivers;
using System.Globalization;
using Confluent.Kafka;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Turns component metadata into <see cref="KafkaOptions"/>, collecting one problem per bad key
/// (and per missing or contradictory setting) instead of stopping at the first. Never throws on bad input.
/// </summary>
internal static class KafkaOptionsParser
{
    /// <summary>Applies one value; returns what the key requires when the value does not fit, else null.</summary>
    private delegate string? Apply(KafkaOptions options, string value);

    private static readonly Dictionary<string, Apply> Appliers = new(StringComparer.OrdinalIgnoreCase)
    {
        [KafkaMetadataSchema.Brokers] = (o, v) => Text(v, "a comma-separated host:port list", s => o.Brokers = s),
        [KafkaMetadataSchema.ConsumerGroup] = (_, _) => null,
        [KafkaMetadataSchema.ClientId] = (o, v) => Text(v, "a non-empty client id", s => o.ClientId = s),
        [KafkaMetadataSchema.AuthType] = (o, v) => OneOf(v, "'none', 'password', 'mtls' or 'certificate'", x => o.AuthType = x,
            ("none", KafkaAuthType.None), ("password", KafkaAuthType.Password), ("mtls", KafkaAuthType.Mtls), ("certificate", KafkaAuthType.Certificate)),
        [KafkaMetadataSchema.SaslUsername] = (o, v) => Text(v, "a non-empty user name", s => o.SaslUsername = s),
        [KafkaMetadataSchema.SaslPassword] = (o, v) => Text(v, "a non-empty password", s => o.SaslPassword = s),
        [KafkaMetadataSchema.SaslMechanism] = (o, v) => OneOf(v, "'PLAIN', 'SHA-256' or 'SHA-512'", x => o.SaslMechanism = x,
            ("plain", KafkaSaslMechanism.Plain), ("sha-256", KafkaSaslMechanism.ScramSha256), ("sha-512", KafkaSaslMechanism.ScramSha512)),
        [KafkaMetadataSchema.DisableTls] = (o, v) => Flag(v, x => o.DisableTls = x),
        [KafkaMetadataSchema.SkipVerify] = (o, v) => Flag(v, x => o.SkipVerify = x),
        [KafkaMetadataSchema.CaCert] = (o, v) => Pem(v, s => o.CaCert = s),
        [KafkaMetadataSchema.ClientCert] = (o, v) => Pem(v, s => o.ClientCert = s),
        [KafkaMetadataSchema.ClientKey] = (o, v) => Pem(v, s => o.ClientKey = s),
        [KafkaMetadataSchema.InitialOffset] = (o, v) => OneOf(v, "'oldest' or 'newest'", x => o.InitialOffset = x,
            ("oldest", KafkaInitialOffset.Oldest), ("newest", KafkaInitialOffset.Newest)),
        [KafkaMetadataSchema.MaxMessageBytes] = (o, v) =>
            int.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? Set(() => o.MaxMessageBytes = bytes) : "a whole number of bytes (0 for the default)",
        [KafkaMetadataSchema.Compression] = (o, v) => OneOf(v, "'none', 'gzip', 'snappy', 'lz4' or 'zstd'", x => o.Compression = x,
            ("none", CompressionType.None), ("gzip", CompressionType.Gzip), ("snappy", CompressionType.Snappy), ("lz4", CompressionType.Lz4), ("zstd", CompressionType.Zstd)),
        [KafkaMetadataSchema.ProducerRequiredAcks] = (_, _) => null,
        [KafkaMetadataSchema.SessionTimeout] = (o, v) => Duration(v, x => o.SessionTimeout = x),
        [KafkaMetadataSchema.HeartbeatInterval] = (o, v) => Duration(v, x => o.HeartbeatInterval = x),
        [KafkaMetadataSchema.PublishTimeout] = (o, v) => Duration(v, x => o.PublishTimeout = x),
        [KafkaMetadataSchema.BackOffPolicy] = (o, v) => OneOf(v, "'constant' or 'exponential'", x => o.BackOffPolicy = x,
            ("constant", KafkaBackOffPolicy.Constant), ("exponential", KafkaBackOffPolicy.Exponential)),
        [KafkaMetadataSchema.BackOffDuration] = (o, v) => Duration(v, x => o.BackOffDuration = x, allowZero: true),
        [KafkaMetadataSchema.BackOffInitialInterval] = (o, v) => Duration(v, x => o.BackOffInitialInterval = x, allowZero: true),
        [KafkaMetadataSchema.BackOffMaxInterval] = (o, v) => Duration(v, x => o.BackOffMaxInterval = x),
    };

    public static KafkaOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new KafkaOptions();
        var found = new List<MetadataProblem>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, rawValue) in metadata)
        {
            if (RuntimeMetadataKeys.All.Contains(key))
            {
                continue;
            }

            var known = KafkaMetadataSchema.Keys.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                found.Add(new MetadataProblem(key, KafkaMessages.UnknownKey(key)));
                continue;
            }

            if (!seen.TryAdd(known.Name, key))
            {
                found.Add(new MetadataProblem(key, KafkaMessages.RepeatedKey(key, seen[known.Name])));
                continue;
            }

            var value = rawValue ?? string.Empty;
            if (known.Name == KafkaMetadataSchema.ProducerRequiredAcks && !string.Equals(value.Trim(), "all", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new MetadataProblem(key, KafkaMessages.AcksNotAll(value)));
            }
            else if (Appliers[known.Name](options, value) is { } requirement)
            {
                found.Add(new MetadataProblem(key, known.IsSecret ? KafkaMessages.UnrecognisedSecret(key, requirement) : KafkaMessages.Unrecognised(key, requirement, value)));
            }
        }

        found.AddRange(KafkaOptionsRules.Check(options, seen));
        problems = found;
        return options;
    }

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }

    private static string? Text(string value, string requirement, Action<string> apply) =>
        string.IsNullOrWhiteSpace(value) ? requirement : Set(() => apply(value.Trim()));

    private static string? Pem(string value, Action<string> apply) =>
        value.Contains("-----BEGIN ", StringComparison.Ordinal) ? Set(() => apply(value)) : "PEM text starting with '-----BEGIN '";

    private static string? Flag(string value, Action<bool> apply) =>
        bool.TryParse(value.Trim(), out var flag) ? Set(() => apply(flag)) : "'true' or 'false'";

    private static string? Duration(string value, Action<TimeSpan> apply, bool allowZero = false) =>
        GoDuration.TryParseMillisecondsOrDuration(value, out var duration) && (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero))
            ? Set(() => apply(duration))
            : allowZero ? "a duration of zero or more, such as '500ms' or '5s'" : "a positive duration, such as '500ms' or '5s'";

    private static string? OneOf<T>(string value, string requirement, Action<T> apply, params (string Name, T Value)[] choices)
    {
        foreach (var (name, choice) in choices)
        {
            if (string.Equals(value.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return Set(() => apply(choice));
            }
        }

        return requirement;
    }
}
