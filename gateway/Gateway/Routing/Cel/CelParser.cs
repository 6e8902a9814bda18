namespace Gateway.Routing.Cel;

/// <summary>
/// Recursive-descent parser for the routing subset of CEL, with CEL's precedence:
/// <c>||</c> &lt; <c>&amp;&amp;</c> &lt; relations &lt; unary <c>! -</c> &lt; member access.
/// Anything outside the subset is refused with the position of the offending token.
/// </summary>
internal sealed partial class CelParser
{
    /// <summary>Deepest nesting accepted, in parentheses and in the tree alike.</summary>
    internal const int MaxDepth = 100;

    private readonly CelLexer _lexer;
    private CelToken _current;
    private int _nesting;

    private CelParser(string source)
    {
        _lexer = new CelLexer(source);
        _current = _lexer.Next();
    }

    /// <summary>Parses a whole expression whose result must be able to be a bool.</summary>
    public static CelNode Parse(string source)
    {
        var parser = new CelParser(source);
        var root = parser.ParseExpression();
        if (parser._current.Kind != CelTokenKind.End)
        {
            throw parser.Unexpected("an operator or the end of the expression");
        }

        if (root.StaticKind is { } kind && kind != CelKind.Bool)
        {
            throw new CelSyntaxException(0, $"the expression yields {CelValue.WithArticle(CelValue.NameOf(kind))}, but a match must yield a bool");
        }

        return root;
    }

    private CelNode ParseExpression()
    {
        var node = ParseOr();
        if (_current.Kind == CelTokenKind.Question)
        {
            throw new CelSyntaxException(_current.Position, "the conditional operator '? :' is not supported; combine conditions with && and ||");
        }

        return node;
    }

    private CelNode ParseOr()
    {
        var left = ParseAnd();
        while (_current.Kind == CelTokenKind.OrOr)
        {
            var position = Advance().Position;
            left = Checked(LogicalNode.Or(position, left, ParseAnd()));
        }

        return left;
    }

    private CelNode ParseAnd()
    {
        var left = ParseRelation();
        while (_current.Kind == CelTokenKind.AndAnd)
        {
            var position = Advance().Position;
            left = Checked(LogicalNode.And(position, left, ParseRelation()));
        }

        return left;
    }

    private CelNode ParseRelation()
    {
        var left = ParseUnary();
        while (true)
        {
            RejectArithmetic();
            CelRelation? relation = _current.Kind switch
            {
                CelTokenKind.EqualEqual => CelRelation.Equal,
                CelTokenKind.NotEqual => CelRelation.NotEqual,
                CelTokenKind.Less => CelRelation.Less,
                CelTokenKind.LessOrEqual => CelRelation.LessOrEqual,
                CelTokenKind.Greater => CelRelation.Greater,
                CelTokenKind.GreaterOrEqual => CelRelation.GreaterOrEqual,
                CelTokenKind.In => CelRelation.In,
                _ => null,
            };
            if (relation is not { } found)
            {
                return left;
            }

            var position = Advance().Position;
            left = Checked(new RelationNode(position, found, left, ParseUnary()));
        }
    }

    private void RejectArithmetic()
    {
        if (_current.Kind is CelTokenKind.Plus or CelTokenKind.Minus or CelTokenKind.Star or CelTokenKind.Slash or CelTokenKind.Percent)
        {
            throw new CelSyntaxException(_current.Position, $"the arithmetic operator '{_current.Text}' is not supported");
        }
    }

    /// <summary>Unary operators repeat (<c>!!x</c>, <c>--x</c>) but do not mix, as in CEL's grammar.</summary>
    private CelNode ParseUnary()
    {
        if (_current.Kind is not (CelTokenKind.Not or CelTokenKind.Minus))
        {
            return ParseMember(ParsePrimary());
        }

        var kind = _current.Kind;
        var positions = new List<int>();
        while (_current.Kind == kind)
        {
            positions.Add(Advance().Position);
        }

        CelNode node;
        if (kind == CelTokenKind.Minus && _current.Kind is CelTokenKind.IntLiteral or CelTokenKind.UIntLiteral or CelTokenKind.DoubleLiteral)
        {
            node = ParseMember(NegativeLiteral(positions[^1], Advance()));
            positions.RemoveAt(positions.Count - 1);
        }
        else
        {
            node = ParseMember(ParsePrimary());
        }

        for (var index = positions.Count - 1; index >= 0; index--)
        {
            node = Checked(kind == CelTokenKind.Not ? new NotNode(positions[index], node) : new NegateNode(positions[index], node));
        }

        return node;
    }

    private CelNode ParseNested()
    {
        if (++_nesting > MaxDepth)
        {
            throw new CelSyntaxException(_current.Position, $"the expression nests deeper than {MaxDepth} levels");
        }

        try
        {
            return ParseExpression();
        }
        finally
        {
            _nesting--;
        }
    }

    private CelToken Advance()
    {
        var consumed = _current;
        _current = _lexer.Next();
        return consumed;
    }

    private CelToken Expect(CelTokenKind kind, string description) =>
        _current.Kind == kind ? Advance() : throw Unexpected(description);

    private CelSyntaxException Unexpected(string expected)
    {
        var found = _current.Kind == CelTokenKind.End ? "the end of the expression" : $"'{_current.Text}'";
        return new CelSyntaxException(_current.Position, $"expected {expected} but found {found}");
    }

    private static CelNode Checked(CelNode node) => node.Depth <= MaxDepth
        ? node
        : throw new CelSyntaxException(node.Position, $"the expression nests deeper than {MaxDepth} levels");
}
