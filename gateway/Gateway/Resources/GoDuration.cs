using System.Globalization;
using System.Text;

namespace Gateway.Resources;

/// <summary>
/// Go's <c>time.ParseDuration</c> syntax, which Dapr YAML uses for every duration: a sign, then
/// one or more decimal numbers each followed by a unit (<c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>,
/// <c>s</c>, <c>m</c>, <c>h</c>), as in <c>500ms</c>, <c>1m30s</c>, <c>1.5h</c>; <c>0</c> alone is
/// also valid. Negative values parse, as in Go; each field decides whether it accepts them.
/// Precision is a .NET tick (100 ns); finer parts are truncated.
/// </summary>
internal static class GoDuration
{
    private const decimal NanosecondsPerTick = 100m;

    private static readonly (string Unit, decimal Nanoseconds)[] Units =
    [
        ("ns", 1m), ("us", 1_000m), ("\u00b5s", 1_000m), ("\u03bcs", 1_000m), ("ms", 1_000_000m),
        ("s", 1_000_000_000m), ("m", 60_000_000_000m), ("h", 3_600_000_000_000m),
    ];

    /// <summary>What a valid value looks like, for error messages.</summary>
    public const string ExpectedForm = "a Go duration such as 500ms, 5s, 1m30s or 1h";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var position = 0;
        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            position = 1;
        }

        if (text[position..] == "0")
        {
            return true;
        }

        if (position == text.Length)
        {
            return false;
        }

        var totalNanoseconds = 0m;
        while (position < text.Length)
        {
            if (!TryReadNumber(text, ref position, out var number) || !TryReadUnit(text, ref position, out var scale))
            {
                return false;
            }

            try
            {
                totalNanoseconds += number * scale;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        var ticks = decimal.Truncate(totalNanoseconds / NanosecondsPerTick);
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
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

    private static bool TryReadNumber(string text, ref int position, out decimal number)
    {
        var start = position;
        var digits = 0;
        var seenDot = false;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || (text[position] == '.' && !seenDot)))
        {
            seenDot |= text[position] == '.';
            digits += char.IsAsciiDigit(text[position]) ? 1 : 0;
            position++;
        }

        number = 0m;
        // Go accepts "1.", ".5" but not "." alone.
        return digits > 0
            && decimal.TryParse(text.AsSpan(start, position - start).ToString().TrimEnd('.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryReadUnit(string text, ref int position, out decimal scale)
    {
        var start = position;
        while (position < text.Length && !char.IsAsciiDigit(text[position]) && text[position] != '.')
        {
            position++;
        }

        var unit = text[start..position];
        foreach (var (name, nanoseconds) in Units)
        {
            if (name == unit)
            {
                scale = nanoseconds;
                return true;
            }
        }

        scale = 0m;
        return false;
    }
}
