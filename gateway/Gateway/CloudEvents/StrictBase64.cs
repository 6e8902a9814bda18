namespace Gateway.CloudEvents;

/// <summary>
/// RFC 4648 §4 base64 with no tolerance (rule C6): length a multiple of four, the standard alphabet only,
/// zero to two '=' and only at the very end, no whitespace. The empty string is valid (zero bytes).
/// Non-zero pad bits (<c>QR==</c>) are accepted, as RFC 4648 §3.5 allows decoders to.
/// </summary>
internal static class StrictBase64
{
    public static bool IsValid(string text) => FirstInvalidIndex(text) < 0;

    /// <summary>Decodes strictly; false when <paramref name="text"/> is not valid under the rules above.</summary>
    public static bool TryDecode(string text, out byte[] bytes)
    {
        if (!IsValid(text))
        {
            bytes = [];
            return false;
        }

        bytes = Convert.FromBase64String(text);
        return true;
    }

    /// <summary>
    /// Index of the first character that makes the text invalid (for a short final group, the group's start);
    /// -1 when valid. Used to build error texts like Go's <c>illegal base64 data at input byte N</c>.
    /// </summary>
    public static int FirstInvalidIndex(string text)
    {
        int padding = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '=')
            {
                // Padding may only fill the last one or two places of the final group.
                if (i < text.Length - 2 || (i % 4) < 2)
                {
                    return i;
                }

                padding++;
            }
            else if (padding > 0 || !IsAlphabet(c))
            {
                return i;
            }
        }

        return text.Length % 4 == 0 ? -1 : text.Length - (text.Length % 4);
    }

    private static bool IsAlphabet(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/';
}
