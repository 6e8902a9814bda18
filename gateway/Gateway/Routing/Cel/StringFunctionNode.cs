namespace Gateway.Routing.Cel;

/// <summary><c>s.startsWith(t)</c>, <c>s.endsWith(t)</c> and <c>s.contains(t)</c>, compared ordinally.</summary>
internal sealed class StringFunctionNode : CelNode
{
    private static readonly Dictionary<string, Func<string, string, bool>> Functions = new(StringComparer.Ordinal)
    {
        ["startsWith"] = (text, part) => text.StartsWith(part, StringComparison.Ordinal),
        ["endsWith"] = (text, part) => text.EndsWith(part, StringComparison.Ordinal),
        ["contains"] = (text, part) => text.Contains(part, StringComparison.Ordinal),
    };

    private readonly CelNode _receiver;
    private readonly CelNode _argument;
    private readonly string _name;
    private readonly Func<string, string, bool> _test;

    private StringFunctionNode(int position, CelNode receiver, string name, CelNode argument)
        : base(position, receiver, argument)
    {
        _receiver = receiver;
        _argument = argument;
        _name = name;
        _test = Functions[name];
    }

    public override CelKind? StaticKind => CelKind.Bool;

    public static bool IsFunction(string name) => Functions.ContainsKey(name);

    public static StringFunctionNode Create(int position, CelNode receiver, string name, CelNode argument) =>
        new(position, receiver, name, argument);

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var text = _receiver.Evaluate(cloudEvent);
        if (text.IsError)
        {
            return text;
        }

        var part = _argument.Evaluate(cloudEvent);
        if (part.IsError)
        {
            return part;
        }

        return text.Kind == CelKind.String && part.Kind == CelKind.String
            ? CelValue.Bool(_test(text.AsString, part.AsString))
            : CelValue.Error($"no such overload: {text.TypeName}.{_name}({part.TypeName})");
    }
}
