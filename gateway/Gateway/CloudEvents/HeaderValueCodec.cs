using System.Globalization;
using System.Text;

namespace Gateway.CloudEvents;

/// <summary>
/// Encoding of attribute values in binary-mode <c>ce-</c> headers (H9 send, H10 receive).
/// </summary>
internal static class HeaderValueCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Percent-encodes space, '"', '%' and everything outside U+0021-U+007E as upper-case <c>%XY</c> of the
    /// UTF-8 bytes. A surrogate pair is one character (four bytes). <c>Euro € 😀</c> →
    /// <c>Euro%20%E2%82%AC%20%F0%9F%98%80</c>.
    /// </summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            bool plain = rune.Value is >= 0x21 and <= 0x7E && rune.Value != '"' && rune.Value != '%';
            if (plain)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            int count = rune.EncodeToUtf8(utf8);
            for (int i = 0; i < count; i++)
            {
                builder.Append('%').Append(utf8[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Undoes an RFC 7230 quoted-string (with backslash escapes) if the value is one, then applies exactly one
    /// round of percent-decoding: lower-case hex and needless encodings (<c>%30</c>) are accepted; bytes that
    /// are not valid UTF-8 (overlong <c>%C0%A0</c>, lone continuation bytes) are rejected.
    /// Characters U+0080-U+00FF in <paramref name="raw"/> are taken as the bytes a Latin-1 header reader produced.
    /// </summary>
    public static bool TryDecode(string raw, out string value, out string error)
    {
        value = string.Empty;
        if (!TryUnquote(raw, out string unquoted, out error))
        {
            return false;
        }

        var bytes = new List<byte>(unquoted.Length);
        for (int i = 0; i < unquoted.Length; i++)
        {
            char c = unquoted[i];
            if (c == '%')
            {
                if (i + 2 >= unquoted.Length || !char.IsAsciiHexDigit(unquoted[i + 1]) || !char.IsAsciiHexDigit(unquoted[i + 2]))
                {
                    error = $"'%' at index {i} is not followed by two hex digits";
                    return false;
                }

                bytes.Add(byte.Parse(unquoted.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c > '\u00FF')
            {
                error = $"character U+{(int)c:X4} cannot appear in an HTTP header value";
                return false;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        try
        {
            value = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = "the percent-decoded bytes are not valid UTF-8";
            return false;
        }
    }

    private static bool TryUnquote(string raw, out string unquoted, out string error)
    {
        error = string.Empty;
        unquoted = raw;
        if (!raw.StartsWith('"'))
        {
            return true;
        }

        var builder = new StringBuilder(raw.Length);
        for (int i = 1; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '"')
            {
                if (i != raw.Length - 1)
                {
                    error = "text follows the closing quote of a quoted-string";
                    return false;
                }

                unquoted = builder.ToString();
                return true;
            }

            if (c == '\\')
            {
                if (++i >= raw.Length)
                {
                    break;
                }

                c = raw[i];
            }

            builder.Append(c);
        }

        error = "the quoted-string has no closing quote";
        return false;
    }
}
