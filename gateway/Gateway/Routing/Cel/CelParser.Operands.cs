namespace Gateway.Routing.Cel;

/// <summary>Operands: literals, <c>event</c>, parentheses, lists, member access and function calls.</summary>
internal sealed partial class CelParser
{
    private CelNode ParsePrimary()
    {
        var token = _current;
        switch (token.Kind)
        {
            case CelTokenKind.Identifier:
                Advance();
                return _current.Kind == CelTokenKind.LeftParen ? ParseGlobalCall(token) : Identifier(token);
            case CelTokenKind.IntLiteral:
                Advance();
                return token.Literal.AsUInt <= long.MaxValue
                    ? new LiteralNode(token.Position, CelValue.Int((long)token.Literal.AsUInt))
                    : throw new CelSyntaxException(token.Position, $"the integer {token.Text} is out of range");
            case CelTokenKind.UIntLiteral or CelTokenKind.DoubleLiteral or CelTokenKind.StringLiteral:
                Advance();
                return new LiteralNode(token.Position, token.Literal);
            case CelTokenKind.True or CelTokenKind.False:
                Advance();
                return new LiteralNode(token.Position, CelValue.Bool(token.Kind == CelTokenKind.True));
            case CelTokenKind.Null:
                Advance();
                return new LiteralNode(token.Position, CelValue.Null);
            case CelTokenKind.LeftParen:
                Advance();
                var inner = ParseNested();
                Expect(CelTokenKind.RightParen, "')'");
                return inner;
            case CelTokenKind.LeftBracket:
                return ParseList();
            case CelTokenKind.LeftBrace:
                throw new CelSyntaxException(token.Position, "map literals are not supported");
            case CelTokenKind.Dot:
                throw new CelSyntaxException(token.Position, "a leading '.' (root-scoped name) is not supported");
            default:
                throw Unexpected("an operand");
        }
    }

    private static EventNode Identifier(CelToken token)
    {
        if (CelReservedWords.Contains(token.Text))
        {
            throw new CelSyntaxException(token.Position, $"'{token.Text}' is a reserved word");
        }

        return token.Text == "event"
            ? new EventNode(token.Position)
            : throw new CelSyntaxException(token.Position, $"unknown identifier '{token.Text}'; the only variable is 'event'");
    }

    private CelNode ParseMember(CelNode node)
    {
        while (true)
        {
            if (_current.Kind == CelTokenKind.Dot)
            {
                Advance();
                var name = ExpectFieldName();
                if (_current.Kind == CelTokenKind.LeftParen)
                {
                    node = ParseMemberCall(node, name);
                }
                else if (node is LiteralNode literal)
                {
                    throw new CelSyntaxException(name.Position, $"{CelValue.WithArticle(literal.Value.TypeName)} literal has no field '{name.Text}'");
                }
                else
                {
                    node = Checked(new SelectNode(name.Position, node, name.Text));
                }
            }
            else if (_current.Kind == CelTokenKind.LeftBracket)
            {
                var position = Advance().Position;
                var index = ParseNested();
                Expect(CelTokenKind.RightBracket, "']'");
                node = Checked(new IndexNode(position, node, index));
            }
            else
            {
                return node;
            }
        }
    }

    private CelToken ExpectFieldName()
    {
        var isWord = _current.Kind is CelTokenKind.Identifier or CelTokenKind.True or CelTokenKind.False or CelTokenKind.Null or CelTokenKind.In;
        if (isWord && CelReservedWords.Contains(_current.Text))
        {
            throw new CelSyntaxException(_current.Position, $"'{_current.Text}' is a reserved word; select the field with [\"{_current.Text}\"]");
        }

        return isWord ? Advance() : throw Unexpected("a field name after '.'");
    }

    private CelNode ParseList()
    {
        var position = Advance().Position;
        var items = new List<CelNode>();
        while (_current.Kind != CelTokenKind.RightBracket)
        {
            items.Add(ParseNested());
            if (_current.Kind != CelTokenKind.Comma)
            {
                break;
            }

            Advance();
        }

        Expect(CelTokenKind.RightBracket, "',' or ']'");
        if (items.All(item => item is LiteralNode))
        {
            return new LiteralNode(position, CelValue.List(items.Select(item => ((LiteralNode)item).Value).ToArray()));
        }

        return Checked(new ListNode(position, items.ToArray()));
    }

    /// <summary>Parses <c>( a, b )</c>; each argument comes with the position where it starts, for error messages.</summary>
    private List<(CelNode Node, int Start)> ParseArguments()
    {
        Advance();
        var arguments = new List<(CelNode Node, int Start)>();
        if (_current.Kind != CelTokenKind.RightParen)
        {
            arguments.Add(ParseArgument());
            while (_current.Kind == CelTokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseArgument());
            }
        }

        Expect(CelTokenKind.RightParen, "',' or ')'");
        return arguments;
    }

    private (CelNode Node, int Start) ParseArgument()
    {
        var start = _current.Position;
        return (ParseNested(), start);
    }
}
