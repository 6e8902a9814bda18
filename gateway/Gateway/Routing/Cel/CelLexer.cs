using System.Globalization;

namespace Gateway.Routing.Cel;

/// <summary>
/// Splits an expression into tokens on demand, so that the first problem in reading order is
/// the one reported. Throws <see cref="CelSyntaxException"/> on text CEL does not allow.
/// </summary>
internal sealed partial class CelLexer(string source)
{
    private int _index;

    public CelToken Next()
    {
        SkipWhitespaceAndComments();
        if (_index >= source.Length)
        {
            return new CelToken(CelTokenKind.End, source.Length, string.Empty);
        }

        var start = _index;
        var current = source[_index];
        if (char.IsAsciiDigit(current) || (current == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumber();
        }

        if (current is '"' or '\'')
        {
            return CelStringLiteralReader.Read(source, ref _index);
        }

        if (char.IsAsciiLetter(current) || current == '_')
        {
            return ReadWord();
        }

        return ReadOperator(start, current);
    }

    private char Peek(int offset) => _index + offset < source.Length ? source[_index + offset] : '\0';

    private void SkipWhitespaceAndComments()
    {
        while (_index < source.Length)
        {
            var current = source[_index];
            if (current is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _index++;
            }
            else if (current == '/' && Peek(1) == '/')
            {
                while (_index < source.Length && source[_index] != '\n')
                {
                    _index++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private CelToken ReadWord()
    {
        var start = _index;
        while (_index < source.Length && IsWordCharacter(source[_index]))
        {
            _index++;
        }

        var word = source[start.._index];
        if (_index < source.Length && source[_index] is '"' or '\'')
        {
            var what = word is "r" or "R" ? "raw string literals" : word is "b" or "B" ? "bytes literals" : null;
            if (what is not null)
            {
                throw new CelSyntaxException(start, $"{what} are not supported");
            }
        }

        var kind = word switch
        {
            "true" => CelTokenKind.True,
            "false" => CelTokenKind.False,
            "null" => CelTokenKind.Null,
            "in" => CelTokenKind.In,
            _ => CelTokenKind.Identifier,
        };
        return new CelToken(kind, start, word);
    }

    private CelToken ReadNumber()
    {
        var start = _index;
        if (source[_index] == '0' && Peek(1) is 'x' or 'X')
        {
            _index += 2;
            var digitsStart = _index;
            while (char.IsAsciiHexDigit(Peek(0)))
            {
                _index++;
            }

            if (_index == digitsStart)
            {
                throw new CelSyntaxException(start, "a hexadecimal literal needs digits after '0x'");
            }

            return FinishInteger(start, source[digitsStart.._index], NumberStyles.AllowHexSpecifier);
        }

        var isDouble = false;
        SkipDigits();
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isDouble = true;
            _index++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E')
        {
            isDouble = true;
            _index += Peek(1) is '+' or '-' ? 2 : 1;
            if (!char.IsAsciiDigit(Peek(0)))
            {
                throw new CelSyntaxException(start, "a number's exponent needs digits");
            }

            SkipDigits();
        }

        if (!isDouble)
        {
            return FinishInteger(start, source[start.._index], NumberStyles.None);
        }

        RejectGlued(start);
        var text = source[start.._index];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw new CelSyntaxException(start, $"the number {text} is too large for a double");
        }

        return new CelToken(CelTokenKind.DoubleLiteral, start, text, CelValue.Double(value));
    }

    private CelToken FinishInteger(int start, string digits, NumberStyles style)
    {
        var isUnsigned = Peek(0) is 'u' or 'U';
        if (isUnsigned)
        {
            _index++;
        }

        RejectGlued(start);
        var text = source[start.._index];
        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var magnitude))
        {
            throw new CelSyntaxException(start, $"the integer {text} is out of range");
        }

        var kind = isUnsigned ? CelTokenKind.UIntLiteral : CelTokenKind.IntLiteral;
        return new CelToken(kind, start, text, CelValue.UInt(magnitude));
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek(0)))
        {
            _index++;
        }
    }

    private void RejectGlued(int start)
    {
        if (IsWordCharacter(Peek(0)) || Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            throw new CelSyntaxException(start, $"malformed number '{source[start.._index]}{Peek(0)}'");
        }
    }

    private static bool IsWordCharacter(char character) => char.IsAsciiLetterOrDigit(character) || character == '_';
}
