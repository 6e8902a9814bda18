using Gateway.Drivers.MetadataParsing;
using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Turns component metadata into <see cref="RedisOptions"/> through <see cref="RedisMetadataSchema.Table"/>,
/// collecting every problem instead of stopping at the first. Never throws on bad input; never repeats a secret.
/// </summary>
internal static class RedisOptionsParser
{
    public static RedisOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new RedisOptions();
        var reading = RedisMetadataSchema.Table.Read(metadata, entry => Apply(options, entry));
        CheckTogether(options, reading);
        problems = reading.Problems;
        return options;
    }

    private static void Apply(RedisOptions options, MetadataEntry entry)
    {
        const DurationForm Milliseconds = DurationForm.MillisecondsOrGoDuration;
        switch (entry.Name)
        {
            case RedisOptions.RedisHostKey:
                options.RedisHost = entry.Value.Trim();
                _ = RedisEndpoint.TryParse(options.RedisHost, out _) || entry.Reject("one 'host:port' (the port from 1 to 65535, 6379 when left out)");
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
            case RedisOptions.ReadTimeoutKey when entry.TryDuration(Milliseconds, allowZero: false, out var read):
                options.ReadTimeout = read;
                break;
        }
    }

    private static void CheckTogether(RedisOptions options, MetadataReading reading)
    {
        reading.Require(RedisOptions.RedisHostKey, "the 'host:port' of the Redis server");
        var (hasCert, hasKey) = (options.ClientCert.Trim().Length > 0, options.ClientKey.Trim().Length > 0);
        if (hasCert != hasKey)
        {
            var (set, missing) = hasCert ? (RedisOptions.ClientCertKey, RedisOptions.ClientKeyKey) : (RedisOptions.ClientKeyKey, RedisOptions.ClientCertKey);
            reading.Error(set, $"metadata '{reading.Written(set)}' is set but '{missing}' is not; set both or neither.");
        }
        else if (hasCert && RedisTlsMaterial.ReadClientCertificate(options.ClientCert, options.ClientKey) is null)
        {
            var key = reading.Written(RedisOptions.ClientKeyKey);
            reading.Error(key, MetadataMessages.Unrecognised(key, "a PEM private key that matches the PEM certificate in 'clientCert'", string.Empty, isSecret: true));
        }
    }
}
