using Gateway.Routing.Cel;

namespace Gateway.Tests.Routing.Cel;

public sealed class CelLexerTests
{
    private static List<CelToken> Tokenize(string source)
    {
        var lexer = new CelLexer(source);
        var tokens = new List<CelToken>();
        for (var token = lexer.Next(); token.Kind != CelTokenKind.End; token = lexer.Next())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    [Fact]
    public void Next_OperatorsAndPunctuation_AreRecognisedWithPositions()
    {
        var tokens = Tokenize("a.b[0] == !c && (d || e) != f < g <= h > i >= j in [k, l]");

        Assert.Equal(
            [
                CelTokenKind.Identifier, CelTokenKind.Dot, CelTokenKind.Identifier, CelTokenKind.LeftBracket,
                CelTokenKind.IntLiteral, CelTokenKind.RightBracket, CelTokenKind.EqualEqual, CelTokenKind.Not,
                CelTokenKind.Identifier, CelTokenKind.AndAnd, CelTokenKind.LeftParen, CelTokenKind.Identifier,
                CelTokenKind.OrOr, CelTokenKind.Identifier, CelTokenKind.RightParen, CelTokenKind.NotEqual,
                CelTokenKind.Identifier, CelTokenKind.Less, CelTokenKind.Identifier, CelTokenKind.LessOrEqual,
                CelTokenKind.Identifier, CelTokenKind.Greater, CelTokenKind.Identifier, CelTokenKind.GreaterOrEqual,
                CelTokenKind.Identifier, CelTokenKind.In, CelTokenKind.LeftBracket, CelTokenKind.Identifier,
                CelTokenKind.Comma, CelTokenKind.Identifier, CelTokenKind.RightBracket,
            ],
            tokens.Select(token => token.Kind));
        Assert.Equal(7, tokens[6].Position);
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("42", 42UL)]
    [InlineData("0x2A", 42UL)]
    [InlineData("0XfF", 255UL)]
    [InlineData("9223372036854775808", 9223372036854775808UL)]
    [InlineData("18446744073709551615", 18446744073709551615UL)]
    public void Next_IntegerLiteral_CarriesItsMagnitude(string source, ulong magnitude)
    {
        var token = Assert.Single(Tokenize(source));

        Assert.Equal(CelTokenKind.IntLiteral, token.Kind);
        Assert.Equal(magnitude, token.Literal.AsUInt);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".25", 0.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-1", 0.25)]
    [InlineData("7e+2", 700.0)]
    public void Next_DoubleLiteral_IsParsedInvariantly(string source, double value)
    {
        var token = Assert.Single(Tokenize(source));

        Assert.Equal(CelTokenKind.DoubleLiteral, token.Kind);
        Assert.Equal(value, token.Literal.AsDouble);
    }

    [Theory]
    [InlineData("7u", 7UL)]
    [InlineData("0x10U", 16UL)]
    public void Next_UnsignedLiteral_IsRecognised(string source, ulong value)
    {
        var token = Assert.Single(Tokenize(source));

        Assert.Equal(CelTokenKind.UIntLiteral, token.Kind);
        Assert.Equal(value, token.Literal.AsUInt);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("'single'", "single")]
    [InlineData("\"\"", "")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("\"tab\\tnew\\nret\\r\"", "tab\tnew\nret\r")]
    [InlineData("\"\\\\ \\\" \\' \\` \\?\"", "\\ \" ' ` ?")]
    [InlineData("\"\\u0041\\x42\\103\"", "ABC")]
    [InlineData("\"\\U0001F600\"", "😀")]
    [InlineData("\"\\a\\b\\f\\v\"", "\a\b\f\v")]
    [InlineData("\"zoë 😀\"", "zoë 😀")]
    public void Next_StringLiteral_DecodesEscapes(string source, string value)
    {
        var token = Assert.Single(Tokenize(source));

        Assert.Equal(CelTokenKind.StringLiteral, token.Kind);
        Assert.Equal(value, token.Literal.AsString);
        Assert.Equal(source, token.Text);
    }

    [Theory]
    [InlineData("a // comment\n b", 2)]
    [InlineData("// only a comment", 0)]
    [InlineData("  \t\r\n\f ", 0)]
    public void Next_WhitespaceAndComments_AreSkipped(string source, int count)
    {
        Assert.Equal(count, Tokenize(source).Count);
    }

    [Theory]
    [InlineData("a # b", 2, "unexpected character '#'")]
    [InlineData("a \u0001", 2, "unexpected character U+0001")]
    [InlineData("\"\\018\"", 1, "the escape '\\0' needs 3 octal digits")]
    [InlineData("\"\\777\"", 1, "unknown escape sequence '\\7'")]
    [InlineData("\"\\x4\"", 1, "the escape '\\x' needs 2 hexadecimal digits")]
    [InlineData("\"\\U00110000\"", 1, "is not a valid Unicode code point")]
    [InlineData("\"\\", 1, "the string ends inside an escape sequence")]
    public void Next_InvalidText_ThrowsWithPosition(string source, int position, string reason)
    {
        var exception = Assert.Throws<CelSyntaxException>(() => Tokenize(source));

        Assert.Equal(position, exception.Position);
        Assert.Contains(reason, exception.Message);
    }
}
