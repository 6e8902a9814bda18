namespace Gateway.Routing.Cel;

/// <summary>Logical negation <c>!operand</c>, defined for bool only.</summary>
internal sealed class NotNode(int position, CelNode operand) : CelNode(position, operand)
{
    public override CelKind? StaticKind => CelKind.Bool;

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var value = operand.Evaluate(cloudEvent);
        return value.Kind switch
        {
            CelKind.Bool => CelValue.Bool(!value.AsBool),
            CelKind.Error => value,
            _ => CelValue.Error($"no such overload: !{value.TypeName}"),
        };
    }
}
