namespace Gateway.Routing.Cel;

/// <summary>
/// One token. <paramref name="Position"/> is the 0-based index of its first character.
/// For literals, <paramref name="Literal"/> holds the value; an int literal holds its magnitude
/// as a uint because its sign is only known to the parser.
/// </summary>
internal readonly record struct CelToken(CelTokenKind Kind, int Position, string Text, CelValue Literal = default);
