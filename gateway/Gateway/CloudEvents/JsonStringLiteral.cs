using System.Globalization;
using System.Text;

namespace Gateway.CloudEvents;

/// <summary>
/// Decodes the raw text of a JSON string token (quotes and escapes included) into UTF-16 code units
/// without any replacement. System.Text.Json turns an escaped lone surrogate (<c>"\uDEAD"</c>) into
/// U+FFFD when it decodes, which would hide a C5 violation; this decoder keeps it.
/// </summary>
internal static class JsonStringLiteral
{
    /// <summary>Decodes <paramref name="rawToken"/>, for example <c>JsonElement.GetRawText()</c> of a string.</summary>
    public static string Decode(string rawToken)
    {
        var builder = new StringBuilder(rawToken.Length);
        for (int i = 1; i < rawToken.Length - 1; i++)
        {
            char c = rawToken[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char escape = rawToken[++i];
            switch (escape)
            {
                case 'u':
                    builder.Append((char)int.Parse(rawToken.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                default: builder.Append(escape); break; // '"', '\\' and '/'
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Renders a value for an error message: printable text as is, everything else as <c>\uXXXX</c>,
    /// so a message never carries control characters or broken surrogates.
    /// </summary>
    public static string ForDisplay(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair)
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || CloudEventStringRule.IsNoncharacter(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
