using System.Globalization;
using System.Text;

namespace Gateway.Routing.Cel;

/// <summary>
/// Reads a single- or double-quoted CEL string literal and decodes its escapes:
/// <c>\a \b \f \n \r \t \v \\ \' \" \` \?</c>, <c>\xHH</c>, <c>\uHHHH</c>, <c>\UHHHHHHHH</c> and octal <c>\ooo</c>.
/// Triple-quoted strings are refused.
/// </summary>
internal static class CelStringLiteralReader
{
    public static CelToken Read(string source, ref int index)
    {
        var start = index;
        var quote = source[index];
        if (index + 2 < source.Length && source[index + 1] == quote && source[index + 2] == quote)
        {
            throw new CelSyntaxException(start, "triple-quoted strings are not supported");
        }

        index++;
        var text = new StringBuilder();
        while (true)
        {
            if (index >= source.Length || source[index] is '\n' or '\r')
            {
                throw new CelSyntaxException(start, "the string is not closed");
            }

            var current = source[index];
            if (current == quote)
            {
                index++;
                return new CelToken(CelTokenKind.StringLiteral, start, source[start..index], CelValue.String(text.ToString()));
            }

            if (current == '\\')
            {
                ReadEscape(source, ref index, text);
            }
            else
            {
                text.Append(current);
                index++;
            }
        }
    }

    private static void ReadEscape(string source, ref int index, StringBuilder text)
    {
        var escapeStart = index;
        if (index + 1 >= source.Length)
        {
            throw new CelSyntaxException(escapeStart, "the string ends inside an escape sequence");
        }

        var code = source[index + 1];
        index += 2;
        char? simple = code switch
        {
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            '\\' or '\'' or '"' or '`' or '?' => code,
            _ => null,
        };
        if (simple is { } character)
        {
            text.Append(character);
            return;
        }

        var (digits, radix) = code switch
        {
            'x' or 'X' => (2, 16),
            'u' => (4, 16),
            'U' => (8, 16),
            >= '0' and <= '3' => (3, 8),
            _ => throw new CelSyntaxException(escapeStart, $"unknown escape sequence '\\{code}'"),
        };

        var digitsStart = radix == 8 ? index - 1 : index;
        var end = digitsStart + digits;
        if (end > source.Length || !IsDigits(source.AsSpan(digitsStart, digits), radix))
        {
            throw new CelSyntaxException(escapeStart, $"the escape '\\{code}' needs {digits} {(radix == 8 ? "octal" : "hexadecimal")} digits");
        }

        var value = radix == 8
            ? Convert.ToInt32(source.Substring(digitsStart, digits), 8)
            : int.Parse(source.AsSpan(digitsStart, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (!Rune.IsValid(value))
        {
            throw new CelSyntaxException(escapeStart, $"the escape '{source[escapeStart..end]}' is not a valid Unicode code point");
        }

        text.Append(new Rune(value).ToString());
        index = end;
    }

    private static bool IsDigits(ReadOnlySpan<char> digits, int radix)
    {
        foreach (var digit in digits)
        {
            var valid = radix == 8 ? digit is >= '0' and <= '7' : char.IsAsciiHexDigit(digit);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
