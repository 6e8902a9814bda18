using System.Globalization;

namespace Gateway.CloudEvents;

/// <summary>
/// Go's <c>time.ParseDuration</c> grammar: an optional sign, then one or more <c>number unit</c> pairs
/// (<c>1h30m</c>, <c>1.5s</c>, <c>500ms</c>, <c>.5us</c>), or the bare <c>0</c>. Units: ns, us, µs, μs, ms, s, m, h.
/// Like Go, values beyond ±2^63 nanoseconds are errors and fractions below a nanosecond are truncated.
/// </summary>
internal static class GoDuration
{
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

    /// <summary>Parses <paramref name="text"/> into nanoseconds; false when Go would report an error.</summary>
    public static bool TryParseNanoseconds(string text, out long nanoseconds)
    {
        nanoseconds = 0;
        string s = text;
        bool negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
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
        int i = 0;
        try
        {
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                string number = s[start..i];
                if (number.Count(c => c == '.') > 1 || number.Replace(".", string.Empty, StringComparison.Ordinal).Length == 0)
                {
                    return false;
                }

                int unitStart = i;
                while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
                {
                    i++;
                }

                if (!NanosecondsPerUnit.TryGetValue(s[unitStart..i], out decimal unit))
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
        decimal limit = negative ? -(decimal)long.MinValue : long.MaxValue;
        if (total > limit)
        {
            return false;
        }

        nanoseconds = negative ? (long)-total : (long)total;
        return true;
    }
}
