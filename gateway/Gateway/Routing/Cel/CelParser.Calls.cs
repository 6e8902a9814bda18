namespace Gateway.Routing.Cel;

/// <summary>The functions of the subset, checked for arity and argument shape at parse time.</summary>
internal sealed partial class CelParser
{
    private static readonly HashSet<string> GlobalFunctions = new(StringComparer.Ordinal) { "has", "size", "matches" };

    private static readonly HashSet<string> MemberFunctions = new(StringComparer.Ordinal)
    {
        "startsWith", "endsWith", "contains", "matches", "size",
    };

    private CelNode ParseGlobalCall(CelToken name)
    {
        // Checked before the arguments, whose own problems (e.g. a macro's loop variable) would hide the real one.
        if (!GlobalFunctions.Contains(name.Text))
        {
            throw Unsupported(name);
        }

        var arguments = ParseArguments();
        switch (name.Text)
        {
            case "has":
                RequireArity(name, arguments, 1);
                return arguments[0].Node is SelectNode selection
                    ? Checked(new HasNode(name.Position, selection.Operand, selection.Field))
                    : throw new CelSyntaxException(arguments[0].Start, "has() needs a field selection such as has(event.data.x)");
            case "size":
                RequireArity(name, arguments, 1);
                return Checked(new SizeNode(name.Position, arguments[0].Node));
            case "matches":
                RequireArity(name, arguments, 2);
                return Matches(name, arguments[0].Node, arguments[1]);
            default:
                throw Unsupported(name);
        }
    }

    private CelNode ParseMemberCall(CelNode receiver, CelToken name)
    {
        if (!MemberFunctions.Contains(name.Text))
        {
            throw Unsupported(name);
        }

        var arguments = ParseArguments();
        if (StringFunctionNode.IsFunction(name.Text))
        {
            RequireArity(name, arguments, 1);
            return Checked(StringFunctionNode.Create(name.Position, receiver, name.Text, arguments[0].Node));
        }

        switch (name.Text)
        {
            case "matches":
                RequireArity(name, arguments, 1);
                return Matches(name, receiver, arguments[0]);
            case "size":
                RequireArity(name, arguments, 0);
                return Checked(new SizeNode(name.Position, receiver));
            default:
                throw Unsupported(name);
        }
    }

    private static MatchesNode Matches(CelToken name, CelNode receiver, (CelNode Node, int Start) pattern)
    {
        if (pattern.Node is not LiteralNode { Value.Kind: CelKind.String } literal)
        {
            throw new CelSyntaxException(pattern.Start, "matches() needs a string literal as its pattern");
        }

        var regex = MatchesNode.TryCompile(literal.Value.AsString, out var problem)
            ?? throw new CelSyntaxException(pattern.Start, problem);
        return (MatchesNode)Checked(new MatchesNode(name.Position, receiver, regex));
    }

    /// <summary>Folds a minus into the number literal right after it, as CEL's grammar does.</summary>
    private static LiteralNode NegativeLiteral(int minusPosition, CelToken number)
    {
        switch (number.Kind)
        {
            case CelTokenKind.DoubleLiteral:
                return new LiteralNode(minusPosition, CelValue.Double(-number.Literal.AsDouble));
            case CelTokenKind.UIntLiteral:
                throw new CelSyntaxException(minusPosition, $"an unsigned integer cannot be negative ('-{number.Text}')");
            default:
                var magnitude = number.Literal.AsUInt;
                return magnitude <= (ulong)long.MaxValue + 1
                    ? new LiteralNode(minusPosition, CelValue.Int(unchecked((long)(0 - magnitude))))
                    : throw new CelSyntaxException(minusPosition, $"the integer -{number.Text} is out of range");
        }
    }

    private static void RequireArity(CelToken name, List<(CelNode Node, int Start)> arguments, int expected)
    {
        if (arguments.Count != expected)
        {
            var noun = expected == 1 ? "argument" : "arguments";
            throw new CelSyntaxException(name.Position, $"{name.Text}() takes {expected} {noun} here, found {arguments.Count}");
        }
    }

    private static CelSyntaxException Unsupported(CelToken name) =>
        new(name.Position, $"the function '{name.Text}' is not supported");
}
