using Gateway.Drivers;
using System.Globalization;
using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Turns component metadata into <see cref="RedisOptions"/>, collecting one problem per bad key
/// instead of stopping at the first. Never throws on bad input; never repeats a secret.
/// </summary>
internal static class RedisOptionsParser
{
    private const string Milliseconds = "a duration of zero or more, in milliseconds or as a Go duration such as '500ms' or '1m'";

    public static RedisOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new RedisOptions();
        var found = new List<MetadataProblem>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in metadata)
        {
            if (RuntimeMetadataKeys.All.Contains(key))
            {
                continue;
            }

            var known = RedisMetadataSchema.Keys.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                found.Add(new MetadataProblem(key, RedisMessages.UnknownKey(key)));
            }
            else if (!seen.TryAdd(known.Name, key))
            {
                found.Add(new MetadataProblem(key, RedisMessages.RepeatedKey(key, seen[known.Name])));
            }
            else if (Apply(options, known.Name, key, value ?? "") is { } message)
            {
                found.Add(new MetadataProblem(key, message));
            }
        }

        CheckTogether(options, seen, found);
        problems = found;
        return options;
    }

    private static string? Apply(RedisOptions options, string name, string key, string value)
    {
        var text = value.Trim();
        switch (name)
        {
            case RedisOptions.RedisHostKey:
                options.RedisHost = text;
                return RedisEndpoint.TryParse(text, out _) ? null : RedisMessages.Unrecognised(key, "one 'host:port' (the port from 1 to 65535, 6379 when left out)", value);
            case RedisOptions.RedisPasswordKey:
                options.RedisPassword = value;
                return null;
            case RedisOptions.RedisUsernameKey:
                options.RedisUsername = text;
                return null;
            case RedisOptions.RedisDbKey:
                return Integer(key, value, 0, int.MaxValue, "a non-negative integer", v => options.RedisDb = (int)v);
            case RedisOptions.EnableTlsKey:
                return Boolean(key, value, v => options.EnableTls = v);
            case RedisOptions.InsecureSkipTlsVerifyKey:
                return Boolean(key, value, v => options.InsecureSkipTlsVerify = v);
            case RedisOptions.ClientCertKey:
                options.ClientCert = value;
                return null;
            case RedisOptions.ClientKeyKey:
                options.ClientKey = value;
                return null;
            case RedisOptions.CaCertKey:
                options.CaCert = value;
                return RedisTlsMaterial.ReadAuthorities(value) is { Count: > 0 } ? null : RedisMessages.Unrecognised(key, "one or more PEM certificates", Shorten(value));
            case RedisOptions.ProcessingTimeoutKey:
                return Duration(key, value, true, false, v => options.ProcessingTimeout = v, Milliseconds);
            case RedisOptions.RedeliverIntervalKey:
                return Duration(key, value, true, false, v => options.RedeliverInterval = v, Milliseconds);
            case RedisOptions.QueueDepthKey:
                return Integer(key, value, 1, 100_000, "a positive integer (at most 100000)", v => options.QueueDepth = (int)v);
            case RedisOptions.ConcurrencyKey:
                return Integer(key, value, 1, 10_000, "a positive integer (at most 10000)", v => options.Concurrency = (int)v);
            case RedisOptions.MaxLenApproxKey:
                return Integer(key, value, 0, long.MaxValue, "a non-negative integer", v => options.MaxLenApprox = v);
            case RedisOptions.StreamTtlKey:
                return Duration(key, value, false, false, v => options.StreamTtl = v, "a Go duration of zero or more, such as '1h' or '30m'");
            case RedisOptions.DialTimeoutKey:
                return Duration(key, value, true, true, v => options.DialTimeout = v, "a positive duration, in milliseconds or such as '5s'");
            case RedisOptions.ReadTimeoutKey:
                return Duration(key, value, true, true, v => options.ReadTimeout = v, "a positive duration, in milliseconds or such as '3s'");
            default:
                throw new InvalidOperationException($"Metadata key '{name}' is in the schema but has no parser.");
        }
    }

    private static void CheckTogether(RedisOptions options, Dictionary<string, string> seen, List<MetadataProblem> found)
    {
        if (!seen.ContainsKey(RedisOptions.RedisHostKey))
        {
            found.Add(new MetadataProblem(RedisOptions.RedisHostKey, RedisMessages.Required(RedisOptions.RedisHostKey, "the 'host:port' of the Redis server")));
        }

        var (hasCert, hasKey) = (options.ClientCert.Trim().Length > 0, options.ClientKey.Trim().Length > 0);
        if (hasCert != hasKey)
        {
            var (set, missing) = hasCert ? (RedisOptions.ClientCertKey, RedisOptions.ClientKeyKey) : (RedisOptions.ClientKeyKey, RedisOptions.ClientCertKey);
            found.Add(new MetadataProblem(seen.GetValueOrDefault(set, set), RedisMessages.NeedsPartner(set, missing)));
        }
        else if (hasCert && RedisTlsMaterial.ReadClientCertificate(options.ClientCert, options.ClientKey) is null)
        {
            var key = seen.GetValueOrDefault(RedisOptions.ClientKeyKey, RedisOptions.ClientKeyKey);
            found.Add(new MetadataProblem(key, RedisMessages.UnrecognisedSecret(key, "a PEM private key that matches the PEM certificate in 'clientCert'")));
        }
    }

    private static string? Integer(string key, string value, long minimum, long maximum, string requirement, Action<long> apply)
    {
        if (long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
        {
            apply(number);
            return null;
        }

        return RedisMessages.Unrecognised(key, requirement, value);
    }

    private static string? Boolean(string key, string value, Action<bool> apply)
    {
        // The spellings Go's strconv.ParseBool accepts, which is what Dapr reads these with.
        switch (value.Trim())
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                apply(true);
                return null;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                apply(false);
                return null;
            default:
                return RedisMessages.Unrecognised(key, "'true' or 'false'", value);
        }
    }

    private static string? Duration(string key, string value, bool bareNumberIsMilliseconds, bool mustBePositive, Action<TimeSpan> apply, string requirement)
    {
        var parsed = bareNumberIsMilliseconds
            ? GoDuration.TryParseMillisecondsOrDuration(value, out var duration)
            : GoDuration.TryParse(value.Trim(), out duration) && duration >= TimeSpan.Zero;
        if (parsed && (!mustBePositive || duration > TimeSpan.Zero))
        {
            apply(duration);
            return null;
        }

        return RedisMessages.Unrecognised(key, requirement, value);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
