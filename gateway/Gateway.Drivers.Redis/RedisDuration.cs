using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Drivers.Redis;

/// <summary>
/// Reads the durations of Dapr's Redis metadata: a bare integer is milliseconds (as Dapr reads
/// <c>processingTimeout</c> and <c>redeliverInterval</c>); anything else is a Go duration such as
/// <c>500ms</c>, <c>1.5s</c> or <c>1h15m</c>.
/// </summary>
internal static partial class RedisDuration
{
    private static readonly Dictionary<string, double> MillisecondsPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1e-6, ["us"] = 1e-3, ["µs"] = 1e-3, ["μs"] = 1e-3, ["ms"] = 1, ["s"] = 1_000, ["m"] = 60_000, ["h"] = 3_600_000,
    };

    public static bool TryParse(string text, bool bareNumberIsMilliseconds, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var value = text.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (!bareNumberIsMilliseconds && number != 0)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(number);
            return true;
        }

        if (!GoDuration().IsMatch(value))
        {
            return false;
        }

        double milliseconds = 0;
        foreach (Match part in GoDurationPart().Matches(value))
        {
            milliseconds += double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture) * MillisecondsPerUnit[part.Groups[2].Value];
        }

        if (milliseconds > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    [GeneratedRegex(@"^(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)")]
    private static partial Regex GoDurationPart();
}
