namespace Gateway.Routing.Cel;

/// <summary><c>size(x)</c> or <c>x.size()</c>: code points of a string, items of a list, keys of a map.</summary>
internal sealed class SizeNode(int position, CelNode operand) : CelNode(position, operand)
{
    public override CelKind? StaticKind => CelKind.Int;

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var value = operand.Evaluate(cloudEvent);
        return value.Kind switch
        {
            CelKind.String => CelValue.Int(value.AsString.EnumerateRunes().Count()),
            CelKind.List or CelKind.Map => CelValue.Int(value.Count),
            CelKind.Error => value,
            _ => CelValue.Error($"no such overload: size({value.TypeName})"),
        };
    }
}
