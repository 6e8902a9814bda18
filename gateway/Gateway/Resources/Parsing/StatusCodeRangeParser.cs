using System.Globalization;

namespace Gateway.Resources.Parsing;

/// <summary>Parses Dapr's status code lists such as <c>429,500-599</c>.</summary>
internal static class StatusCodeRangeParser
{
    /// <summary>
    /// Parses comma-separated codes and <c>a-b</c> ranges, each within
    /// [<paramref name="minimum"/>, <paramref name="maximum"/>]. An empty text is an empty list (no filter).
    /// </summary>
    /// <param name="problem">Why the text was rejected, naming the bad part.</param>
    public static bool TryParse(string text, int minimum, int maximum, out IReadOnlyList<StatusCodeRange> ranges, out string? problem)
    {
        var result = new List<StatusCodeRange>();
        ranges = result;
        problem = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }

        foreach (var rawPart in text.Split(','))
        {
            var part = rawPart.Trim();
            var bounds = part.Split('-');
            if (bounds.Length > 2 || !TryParseCode(bounds[0], out var from) || !TryParseCode(bounds[^1], out var to))
            {
                problem = $"'{part}' is not a code or a range like 500-599";
                return false;
            }

            if (from < minimum || to > maximum || from > to)
            {
                problem = $"'{part}' is outside {minimum}-{maximum} or runs backwards";
                return false;
            }

            result.Add(new StatusCodeRange(from, to));
        }

        return true;
    }

    private static bool TryParseCode(string text, out int code) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out code);
}
