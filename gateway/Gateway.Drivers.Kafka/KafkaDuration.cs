using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Reads durations as Dapr's metadata decoding does: a bare integer is milliseconds, anything else
/// is a Go duration such as <c>500ms</c>, <c>1.5s</c> or <c>1m30s</c> (units ns, us, µs, ms, s, m, h).
/// </summary>
internal static partial class KafkaDuration
{
    private static readonly Dictionary<string, double> MillisecondsPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1e-6,
        ["us"] = 1e-3,
        ["µs"] = 1e-3,
        ["μs"] = 1e-3,
        ["ms"] = 1,
        ["s"] = 1_000,
        ["m"] = 60_000,
        ["h"] = 3_600_000,
    };

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            duration = TimeSpan.FromMilliseconds(milliseconds);
            return milliseconds <= (long)TimeSpan.MaxValue.TotalMilliseconds;
        }

        if (!GoDuration().IsMatch(text))
        {
            return false;
        }

        double total = 0;
        foreach (Match part in GoDurationPart().Matches(text))
        {
            total += double.Parse(part.Groups["number"].Value, CultureInfo.InvariantCulture) * MillisecondsPerUnit[part.Groups["unit"].Value];
        }

        if (total > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    [GeneratedRegex(@"^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"(?<number>\d+(?:\.\d*)?|\.\d+)(?<unit>ns|us|µs|μs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex GoDurationPart();
}
