using System.Globalization;
using System.Text;

namespace Gateway.Drivers;

/// <summary>
/// Go's <c>time.ParseDuration</c>, which Dapr YAML and metadata use for durations: an optional sign,
/// then one or more <c>number unit</c> pairs (<c>500ms</c>, <c>1m30s</c>, <c>1.5h</c>, <c>.5us</c>), or a
/// bare <c>0</c>. Units: ns, us, µs, μs, ms, s, m, h. As in Go, values beyond ±2^63 nanoseconds are
/// errors and fractions below a nanosecond are truncated. The one parser every part of the gateway uses.
/// </summary>
public static class GoDuration
{
    /// <summary>What a valid value looks like, for error messages.</summary>
    public const string ExpectedForm = "a Go duration such as 500ms, 5s, 1m30s or 1h";

    private static readonly Dictionary<string, decimal> NanosecondsPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1m,
        ["us"] = 1_000m,
        ["\u00B5s"] = 1_000m,
        ["\u03BCs"] = 1_000m,
        ["ms"] = 1_000_000m,
        ["s"] = 1_000_000_000m,
        ["m"] = 60_000_000_000m,
        ["h"] = 3_600_000_000_000m,
    };

    /// <summary>Parses a Go duration; negative values parse, as in Go, and each caller decides whether it accepts them.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!TryParseNanoseconds(text, out var nanoseconds))
        {
            return false;
        }

        duration = TimeSpan.FromTicks(nanoseconds / 100);
        return true;
    }

    /// <summary>
    /// Dapr's metadata decoding: a bare non-negative integer is milliseconds, anything else a Go
    /// duration. Negative results are refused.
    /// </summary>
    public static bool TryParseMillisecondsOrDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text?.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            if (milliseconds > (long)TimeSpan.MaxValue.TotalMilliseconds)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(milliseconds);
            return true;
        }

        return TryParse(value, out duration) && duration >= TimeSpan.Zero;
    }

    /// <summary>Parses <paramref name="text"/> into nanoseconds; false when Go would report an error.</summary>
    public static bool TryParseNanoseconds(string? text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text;
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        decimal total = 0;
        var i = 0;
        try
        {
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                var number = s[start..i];
                if (number.Count(c => c == '.') > 1 || number.Replace(".", string.Empty, StringComparison.Ordinal).Length == 0)
                {
                    return false;
                }

                var unitStart = i;
                while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
                {
                    i++;
                }

                if (!NanosecondsPerUnit.TryGetValue(s[unitStart..i], out var unit))
                {
                    return false;
                }

                total += decimal.Parse(number.EndsWith('.') ? number + "0" : number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * unit;
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        total = decimal.Truncate(total);
        var limit = negative ? -(decimal)long.MinValue : long.MaxValue;
        if (total > limit)
        {
            return false;
        }

        nanoseconds = negative ? (long)-total : (long)total;
        return true;
    }

    /// <summary>Writes a duration the way Go prints one: <c>1h2m3.5s</c>, <c>250ms</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            builder.Append('-');
            duration = duration.Duration();
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            var milliseconds = (decimal)duration.Ticks / TimeSpan.TicksPerMillisecond;
            return builder.Append(milliseconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append("ms").ToString();
        }

        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || duration.Minutes > 0)
        {
            builder.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = duration.Seconds + ((decimal)(duration.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond);
        return builder.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s').ToString();
    }
}
