using System.Globalization;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// Reads durations written the way Go's <c>time.ParseDuration</c> accepts them, which is how Dapr
/// component metadata writes them: an optional sign, then one or more decimal numbers each followed
/// by a unit (<c>ns</c>, <c>us</c>, <c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), such as
/// <c>500ms</c>, <c>1.5s</c> or <c>1h15m</c>. A bare <c>0</c> is zero; other bare numbers are rejected.
/// </summary>
internal static class GoDuration
{
    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("ns", 0.01m),
        ("us", 10m),
        ("µs", 10m),
        ("μs", 10m),
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>Parses <paramref name="text"/>; sub-tick remainders (below 100ns) are dropped.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && (rest[0] == '-' || rest[0] == '+'))
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest.SequenceEqual("0"))
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        decimal ticks = 0;
        while (!rest.IsEmpty)
        {
            var numberLength = rest.IndexOfAnyExcept("0123456789.");
            if (numberLength <= 0
                || !decimal.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[numberLength..];
            var unitLength = rest.IndexOfAny("0123456789.");
            var unit = unitLength < 0 ? rest : rest[..unitLength];
            if (!TryFindUnit(unit, out var ticksPerUnit))
            {
                return false;
            }

            rest = rest[unit.Length..];
            // Compared by division first so that absurdly long numbers cannot overflow decimal.
            if (number > (TimeSpan.MaxValue.Ticks - ticks) / ticksPerUnit)
            {
                return false;
            }

            ticks += number * ticksPerUnit;
        }

        var whole = (long)decimal.Truncate(ticks);
        duration = TimeSpan.FromTicks(negative ? -whole : whole);
        return true;
    }

    private static bool TryFindUnit(ReadOnlySpan<char> unit, out decimal ticksPerUnit)
    {
        foreach (var (name, ticks) in Units)
        {
            if (unit.SequenceEqual(name))
            {
                ticksPerUnit = ticks;
                return true;
            }
        }

        ticksPerUnit = 0;
        return false;
    }
}
