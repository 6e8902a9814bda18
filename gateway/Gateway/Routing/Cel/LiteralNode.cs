namespace Gateway.Routing.Cel;

/// <summary>A constant: a literal, or a list literal whose items are all constants.</summary>
internal sealed class LiteralNode(int position, CelValue value) : CelNode(position)
{
    public CelValue Value { get; } = value;

    public override CelKind? StaticKind => Value.Kind;

    public override CelValue Evaluate(in CelValue cloudEvent) => Value;
}
