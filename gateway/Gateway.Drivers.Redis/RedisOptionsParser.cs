using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Turns component metadata into <see cref="RedisOptions"/> through <see cref="RedisMetadataSchema.Table"/>,
/// collecting every problem instead of stopping at the first. Never throws on bad input; never repeats a secret.
/// Checks across keys are in <see cref="RedisOptionsRules"/>.
/// </summary>
internal static class RedisOptionsParser
{
    public static RedisOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new RedisOptions();
        var cluster = false;
        var failover = false;
        var reading = RedisMetadataSchema.Table.Read(metadata, entry => Apply(options, entry, ref cluster, ref failover));
        options.Topology = failover ? RedisTopology.Sentinel : cluster ? RedisTopology.Cluster : RedisTopology.Node;
        RedisOptionsRules.Check(options, reading, cluster && failover);
        problems = reading.Problems;
        return options;
    }

    private static void Apply(RedisOptions options, MetadataEntry entry, ref bool cluster, ref bool failover)
    {
        const DurationForm Milliseconds = DurationForm.MillisecondsOrGoDuration;
        switch (entry.Name)
        {
            case RedisOptions.RedisHostKey:
                options.RedisHost = entry.Value.Trim();
                break;
            case RedisOptions.RedisPortKey when entry.TryInteger(1, 65535, out int port):
                options.RedisPort = port;
                break;
            case RedisOptions.RedisPasswordKey:
                options.RedisPassword = entry.Value;
                break;
            case RedisOptions.RedisUsernameKey:
                options.RedisUsername = entry.Value.Trim();
                break;
            case RedisOptions.RedisDbKey when entry.TryInteger(0, int.MaxValue, out int db):
                options.RedisDb = db;
                break;
            case RedisOptions.RedisTypeKey when entry.TryChoice(out bool isCluster, ("node", false), ("cluster", true)):
                cluster = isCluster;
                break;
            case RedisOptions.FailoverKey when entry.TryBool(out var sentinel):
                failover = sentinel;
                break;
            case RedisOptions.SentinelMasterNameKey:
                options.SentinelMasterName = entry.Value.Trim();
                break;
            case RedisOptions.SentinelUsernameKey:
                options.SentinelUsername = entry.Value.Trim();
                break;
            case RedisOptions.SentinelPasswordKey:
                options.SentinelPassword = entry.Value;
                break;
            case RedisOptions.EnableTlsKey when entry.TryBool(out var tls):
                options.EnableTls = tls;
                break;
            case RedisOptions.InsecureSkipTlsVerifyKey when entry.TryBool(out var skip):
                options.InsecureSkipTlsVerify = skip;
                break;
            case RedisOptions.ClientCertKey:
                options.ClientCert = entry.Value;
                break;
            case RedisOptions.ClientKeyKey:
                options.ClientKey = entry.Value;
                break;
            case RedisOptions.CaCertKey:
                options.CaCert = entry.Value;
                _ = RedisTlsMaterial.ReadAuthorities(entry.Value) is { Count: > 0 } || entry.Reject("one or more PEM certificates");
                break;
            case RedisOptions.ProcessingTimeoutKey when entry.TryDuration(Milliseconds, allowZero: true, out var timeout):
                options.ProcessingTimeout = timeout;
                break;
            case RedisOptions.RedeliverIntervalKey when entry.TryDuration(Milliseconds, allowZero: true, out var interval):
                options.RedeliverInterval = interval;
                break;
            case RedisOptions.QueueDepthKey when entry.TryInteger(1, 100_000, out int depth):
                options.QueueDepth = depth;
                break;
            case RedisOptions.ConcurrencyKey when entry.TryInteger(1, 10_000, out int concurrency):
                options.Concurrency = concurrency;
                break;
            case RedisOptions.MaxLenApproxKey when entry.TryInteger(0, long.MaxValue, out long maxLen):
                options.MaxLenApprox = maxLen;
                break;
            case RedisOptions.StreamTtlKey when entry.TryDuration(DurationForm.GoDuration, allowZero: true, out var ttl):
                options.StreamTtl = ttl;
                break;
            case RedisOptions.DialTimeoutKey when entry.TryDuration(Milliseconds, allowZero: false, out var dial):
                options.DialTimeout = dial;
                break;
            case RedisOptions.ReadTimeoutKey when TryDurationOrNone(entry, allowZero: false, TimeSpan.FromMinutes(1), out var read):
                options.ReadTimeout = read;
                break;
            case RedisOptions.RedisMinRetryIntervalKey when TryDurationOrNone(entry, allowZero: true, TimeSpan.Zero, out var min):
                options.RedisMinRetryInterval = min;
                break;
            case RedisOptions.RedisMaxRetryIntervalKey when TryDurationOrNone(entry, allowZero: true, TimeSpan.Zero, out var max):
                options.RedisMaxRetryInterval = max;
                break;
            case RedisOptions.PublishReplicaAcksKey when entry.TryInteger(0, 100, out int replicas):
                options.PublishReplicaAcks = replicas;
                break;
            case RedisOptions.PublishReplicaAckTimeoutKey when entry.TryDuration(Milliseconds, allowZero: false, out var wait):
                options.PublishReplicaAckTimeout = wait;
                break;
        }
    }

    /// <summary>A duration, or Dapr's <c>-1</c> ("none"), which reads as <paramref name="none"/>.</summary>
    private static bool TryDurationOrNone(MetadataEntry entry, bool allowZero, TimeSpan none, out TimeSpan duration)
    {
        if (entry.Value.Trim() == "-1")
        {
            duration = none;
            return true;
        }

        return entry.TryDuration(DurationForm.MillisecondsOrGoDuration, allowZero, out duration);
    }
}
