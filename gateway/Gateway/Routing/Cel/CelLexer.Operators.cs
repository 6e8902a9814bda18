namespace Gateway.Routing.Cel;

/// <summary>Punctuation and operators, including the near-misses people type from other languages.</summary>
internal sealed partial class CelLexer
{
    private CelToken ReadOperator(int start, char current)
    {
        var next = Peek(1);
        var (kind, length) = (current, next) switch
        {
            ('=', '=') => (CelTokenKind.EqualEqual, 2),
            ('!', '=') => (CelTokenKind.NotEqual, 2),
            ('<', '=') => (CelTokenKind.LessOrEqual, 2),
            ('>', '=') => (CelTokenKind.GreaterOrEqual, 2),
            ('&', '&') => (CelTokenKind.AndAnd, 2),
            ('|', '|') => (CelTokenKind.OrOr, 2),
            ('<', _) => (CelTokenKind.Less, 1),
            ('>', _) => (CelTokenKind.Greater, 1),
            ('!', _) => (CelTokenKind.Not, 1),
            ('.', _) => (CelTokenKind.Dot, 1),
            (',', _) => (CelTokenKind.Comma, 1),
            ('(', _) => (CelTokenKind.LeftParen, 1),
            (')', _) => (CelTokenKind.RightParen, 1),
            ('[', _) => (CelTokenKind.LeftBracket, 1),
            (']', _) => (CelTokenKind.RightBracket, 1),
            ('{', _) => (CelTokenKind.LeftBrace, 1),
            ('}', _) => (CelTokenKind.RightBrace, 1),
            ('-', _) => (CelTokenKind.Minus, 1),
            ('+', _) => (CelTokenKind.Plus, 1),
            ('*', _) => (CelTokenKind.Star, 1),
            ('/', _) => (CelTokenKind.Slash, 1),
            ('%', _) => (CelTokenKind.Percent, 1),
            ('?', _) => (CelTokenKind.Question, 1),
            (':', _) => (CelTokenKind.Colon, 1),
            _ => throw NearMiss(start, current),
        };

        _index += length;
        return new CelToken(kind, start, source.Substring(start, length));
    }

    private static CelSyntaxException NearMiss(int start, char current) => current switch
    {
        '=' => new CelSyntaxException(start, "expected '==' but found '='"),
        '&' => new CelSyntaxException(start, "expected '&&' but found '&'"),
        '|' => new CelSyntaxException(start, "expected '||' but found '|'"),
        '`' => new CelSyntaxException(start, "quoted identifiers (`...`) are not supported; select the field with [\"...\"]"),
        _ when char.IsControl(current) => new CelSyntaxException(start, $"unexpected character U+{(int)current:X4}"),
        _ => new CelSyntaxException(start, $"unexpected character '{current}'"),
    };
}
