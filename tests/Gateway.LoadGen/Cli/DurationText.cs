using System.Globalization;

namespace Gateway.LoadGen.Cli;

/// <summary>Durations on the command line: <c>10s</c>, <c>500ms</c>, <c>2m</c>, or plain seconds.</summary>
internal static class DurationText
{
    public static TimeSpan Parse(string text)
    {
        var value = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60)];
        foreach (var (suffix, seconds) in units)
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(value[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0)
            {
                return TimeSpan.FromSeconds(number * seconds);
            }
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
        {
            return TimeSpan.FromSeconds(plain);
        }

        throw new FormatException($"'{text}' is not a duration; write e.g. 10s, 500ms or 2m");
    }
}
