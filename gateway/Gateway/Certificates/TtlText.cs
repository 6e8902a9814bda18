using System.Globalization;

namespace Gateway.Certificates;

/// <summary>Lifetimes written as on the command line: <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>, or combined (<c>1h30m</c>).</summary>
internal static class TtlText
{
    /// <summary>
    /// Parses <paramref name="text"/>; false when it is empty, has a part without a unit or with an
    /// unknown unit, or adds up to zero or to more than ten years.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan ttl)
    {
        ttl = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var rest = text.AsSpan();
        var total = TimeSpan.Zero;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == rest.Length || digits > 6
                || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            TimeSpan? part = rest[digits] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (part is null)
            {
                return false;
            }

            total += part.Value;
            rest = rest[(digits + 1)..];
        }

        if (total <= TimeSpan.Zero || total > TimeSpan.FromDays(3650))
        {
            return false;
        }

        ttl = total;
        return true;
    }
}
