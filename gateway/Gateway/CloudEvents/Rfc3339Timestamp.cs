namespace Gateway.CloudEvents;

/// <summary>
/// Strict RFC 3339 <c>date-time</c> recognizer and converter (CloudEvents Timestamp type, rule C8).
/// </summary>
/// <remarks>
/// Decisions where RFC 3339 leaves room or .NET cannot follow it:
/// <list type="bullet">
/// <item>Only upper-case <c>T</c> and <c>Z</c> are accepted (RFC 3339 §5.6 allows lower case; the C# SDK
/// and most producers never emit it, and ISO 8601 profiles differ).</item>
/// <item>Seconds are required; a fraction needs at least one digit.</item>
/// <item>Leap second <c>:60</c> is rejected: <see cref="DateTimeOffset"/> cannot hold it.</item>
/// <item>Offsets up to ±23:59 are accepted, as RFC 3339 allows; hour-only offsets (<c>+01</c>) are not.
/// Conversion handles offsets beyond ±14:00 itself, since <see cref="DateTimeOffset"/> cannot.</item>
/// <item>Calendar ranges are checked (month 01-12, day within the month, leap years).</item>
/// </list>
/// </remarks>
internal static class Rfc3339Timestamp
{
    private const int MinimumLength = 20; // yyyy-MM-ddTHH:mm:ssZ

    /// <summary>True when <paramref name="text"/> is a valid RFC 3339 date-time under the rules above.</summary>
    public static bool IsValid(string text) => TryReadParts(text, out _);

    /// <summary>
    /// Parses <paramref name="text"/> and converts it to UTC. False when the text is not valid, or when the
    /// instant is outside what <see cref="DateTimeOffset"/> can represent (for example year 0000).
    /// </summary>
    public static bool TryParseUtc(string text, out DateTimeOffset utc)
    {
        utc = default;
        if (!TryReadParts(text, out var parts) || parts.Year < 1)
        {
            return false;
        }

        var local = new DateTime(parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second, DateTimeKind.Utc);
        long ticks = local.Ticks + parts.FractionTicks - parts.OffsetMinutes * TimeSpan.TicksPerMinute;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Formats an instant the way Dapr does (Go <c>time.RFC3339</c> in UTC): seconds precision, <c>Z</c>.</summary>
    public static string FormatSecondsUtc(DateTimeOffset instant)
    {
        // Every event of the same second has the same text: formatted once per second, not once per publish.
        var second = instant.UtcTicks / TimeSpan.TicksPerSecond;
        if (Volatile.Read(ref s_lastSecond) is { } last && last.Second == second)
        {
            return last.Text;
        }

        var text = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Volatile.Write(ref s_lastSecond, new FormattedSecond(second, text));
        return text;
    }

    private static FormattedSecond? s_lastSecond;

    private sealed record FormattedSecond(long Second, string Text);

    private static bool TryReadParts(string s, out Parts parts)
    {
        parts = default;
        if (s.Length < MinimumLength
            || !TryDigits(s, 0, 4, out int year) || s[4] != '-'
            || !TryDigits(s, 5, 2, out int month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out int day) || s[10] != 'T'
            || !TryDigits(s, 11, 2, out int hour) || s[13] != ':'
            || !TryDigits(s, 14, 2, out int minute) || s[16] != ':'
            || !TryDigits(s, 17, 2, out int second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int index = 19;
        long fractionTicks = 0;
        if (s[index] == '.')
        {
            int start = ++index;
            while (index < s.Length && char.IsAsciiDigit(s[index]))
            {
                index++;
            }

            if (index == start)
            {
                return false;
            }

            // Ticks are 100 ns: keep the first seven digits, drop the rest.
            string digits = s[start..index].PadRight(7, '0')[..7];
            fractionTicks = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!TryReadOffset(s, index, out int offsetMinutes))
        {
            return false;
        }

        parts = new Parts(year, month, day, hour, minute, second, fractionTicks, offsetMinutes);
        return true;
    }

    private static bool TryReadOffset(string s, int index, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (index == s.Length - 1 && s[index] == 'Z')
        {
            return true;
        }

        if (index != s.Length - 6 || (s[index] != '+' && s[index] != '-') || s[index + 3] != ':'
            || !TryDigits(s, index + 1, 2, out int hours) || !TryDigits(s, index + 4, 2, out int minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetMinutes = (hours * 60 + minutes) * (s[index] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = value * 10 + (s[i] - '0');
        }

        return true;
    }

    // Proleptic Gregorian calendar, year 0000 included (it is a leap year).
    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private readonly record struct Parts(
        int Year, int Month, int Day, int Hour, int Minute, int Second, long FractionTicks, int OffsetMinutes);
}
