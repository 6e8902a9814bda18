namespace Gateway.CloudEvents;

/// <summary>
/// CloudEvents String type (rule C5): any Unicode except U+0000-U+001F, U+007F-U+009F, noncharacters
/// (U+FDD0-U+FDEF and U+xxFFFE/U+xxFFFF in every plane) and unpaired surrogates.
/// </summary>
internal static class CloudEventStringRule
{
    /// <summary>Describes the first disallowed character of <paramref name="value"/>, or null when it is valid.</summary>
    public static string? FindProblem(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, value[++i]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return $"noncharacter U+{codePoint:X} at index {i - 1}";
                }
            }
            else if (char.IsSurrogate(c))
            {
                return $"unpaired surrogate U+{(int)c:X4} at index {i}";
            }
            else if (c <= '\u001F' || (c >= '\u007F' && c <= '\u009F'))
            {
                return $"control character U+{(int)c:X4} at index {i}";
            }
            else if (IsNoncharacter(c))
            {
                return $"noncharacter U+{(int)c:X4} at index {i}";
            }
        }

        return null;
    }

    /// <summary>True for a Basic Multilingual Plane noncharacter (U+FDD0-U+FDEF, U+FFFE, U+FFFF).</summary>
    public static bool IsNoncharacter(char c) => (c >= '\uFDD0' && c <= '\uFDEF') || c >= '\uFFFE';
}
