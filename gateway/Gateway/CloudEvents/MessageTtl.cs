using Gateway.Drivers;
using System.Globalization;

namespace Gateway.CloudEvents;

/// <summary>
/// The <c>ttlInSeconds</c> publish metadata (alias <c>ttl</c>, keys matched case-insensitively) and the
/// <c>expiration</c> attribute it produces (dapr-pubsub spec §2.7).
/// </summary>
internal static class MessageTtl
{
    private static readonly string[] Keys = ["ttlInSeconds", "ttl"];

    /// <summary>
    /// Reads the TTL as Dapr does: a Go duration first (<c>10s</c>, <c>1h30m</c>; negative clamps to zero),
    /// otherwise whole seconds greater than zero. An invalid value is ignored (false), never an error.
    /// Very large values saturate at <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public static bool TryGet(IReadOnlyDictionary<string, string> metadata, out TimeSpan ttl)
    {
        ttl = TimeSpan.Zero;
        string? value = Keys.Select(key => Find(metadata, key)).FirstOrDefault(v => v is not null);
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (GoDuration.TryParseNanoseconds(value, out long nanoseconds))
        {
            ttl = TimeSpan.FromTicks(Math.Max(0, nanoseconds) / 100);
            return true;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds) && seconds > 0)
        {
            ttl = seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
            return true;
        }

        return false;
    }

    /// <summary>
    /// <paramref name="now"/> + <paramref name="ttl"/> as RFC 3339 UTC with seconds precision, clamped to
    /// <c>9999-12-31T23:59:59Z</c> so that an enormous TTL still yields a valid, far-future timestamp.
    /// </summary>
    public static string Expiration(DateTimeOffset now, TimeSpan ttl)
    {
        var latest = DateTimeOffset.MaxValue;
        var expiration = ttl >= latest - now ? latest : now + ttl;
        return Rfc3339Timestamp.FormatSecondsUtc(expiration);
    }

    private static string? Find(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
