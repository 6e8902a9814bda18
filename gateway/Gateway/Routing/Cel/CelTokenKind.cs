namespace Gateway.Routing.Cel;

/// <summary>
/// Tokens of CEL's lexical grammar. Some (arithmetic, <c>?</c>, <c>:</c>, <c>{</c>) exist only so
/// the parser can name them precisely when it refuses them.
/// </summary>
internal enum CelTokenKind
{
    End,
    Identifier,
    IntLiteral,
    UIntLiteral,
    DoubleLiteral,
    StringLiteral,
    True,
    False,
    Null,
    In,
    Dot,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Not,
    Minus,
    Plus,
    Star,
    Slash,
    Percent,
    Question,
    Colon,
    EqualEqual,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    AndAnd,
    OrOr,
}
