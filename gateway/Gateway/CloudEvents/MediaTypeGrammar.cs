namespace Gateway.CloudEvents;

/// <summary>
/// RFC 2046 / RFC 2045 media type grammar for <c>datacontenttype</c> (rule C14):
/// <c>type "/" subtype *( OWS ";" OWS attribute "=" ( token / quoted-string ) )</c>.
/// </summary>
/// <remarks>
/// Whitespace is allowed only around <c>;</c> (as HTTP's RFC 7231 allows), not around <c>=</c>, and not
/// at either end. A trailing <c>;</c> with no parameter is rejected. Only ASCII is accepted.
/// </remarks>
internal static class MediaTypeGrammar
{
    private const string TokenSpecials = "()<>@,;:\\\"/[]?=";

    public static bool IsValid(string text)
    {
        int index = 0;
        if (!SkipToken(text, ref index) || !Expect(text, ref index, '/') || !SkipToken(text, ref index))
        {
            return false;
        }

        while (index < text.Length)
        {
            SkipWhitespace(text, ref index);
            if (!Expect(text, ref index, ';'))
            {
                return false;
            }

            SkipWhitespace(text, ref index);
            if (!SkipToken(text, ref index) || !Expect(text, ref index, '='))
            {
                return false;
            }

            bool valueOk = index < text.Length && text[index] == '"'
                ? SkipQuotedString(text, ref index)
                : SkipToken(text, ref index);
            if (!valueOk)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The media type without parameters, trimmed and lower-cased (<c>Application/JSON; charset=x</c> →
    /// <c>application/json</c>). Empty when <paramref name="contentType"/> is null or empty.
    /// </summary>
    public static string Essence(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return string.Empty;
        }

        int semicolon = contentType.IndexOf(';');
        string essence = semicolon < 0 ? contentType : contentType[..semicolon];
        return essence.Trim().ToLowerInvariant();
    }

    private static bool IsTokenChar(char c) => c is > ' ' and < '\u007f' && !TokenSpecials.Contains(c);

    private static bool SkipToken(string text, ref int index)
    {
        int start = index;
        while (index < text.Length && IsTokenChar(text[index]))
        {
            index++;
        }

        return index > start;
    }

    private static bool SkipQuotedString(string text, ref int index)
    {
        index++; // opening quote
        while (index < text.Length)
        {
            char c = text[index];
            if (c == '"')
            {
                index++;
                return true;
            }

            if (c == '\\')
            {
                index++;
                if (index >= text.Length || !IsQuotedPairChar(text[index]))
                {
                    return false;
                }
            }
            else if (!IsQuotedTextChar(c))
            {
                return false;
            }

            index++;
        }

        return false;
    }

    private static bool IsQuotedTextChar(char c) => c is '\t' or ' ' or '!' || (c >= '#' && c <= '~' && c != '\\');

    private static bool IsQuotedPairChar(char c) => c is '\t' || (c >= ' ' && c <= '~');

    private static bool Expect(string text, ref int index, char expected)
    {
        if (index < text.Length && text[index] == expected)
        {
            index++;
            return true;
        }

        return false;
    }

    private static void SkipWhitespace(string text, ref int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }
    }
}
