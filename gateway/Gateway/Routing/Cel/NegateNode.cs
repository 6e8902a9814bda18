namespace Gateway.Routing.Cel;

/// <summary>
/// Arithmetic negation <c>-operand</c> of an int or a double. A minus directly before a number
/// literal is folded into the literal by the parser instead, so <c>-9223372036854775808</c> works.
/// </summary>
internal sealed class NegateNode(int position, CelNode operand) : CelNode(position, operand)
{
    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var value = operand.Evaluate(cloudEvent);
        return value.Kind switch
        {
            CelKind.Int when value.AsInt == long.MinValue => CelValue.Error("integer overflow in negation"),
            CelKind.Int => CelValue.Int(-value.AsInt),
            CelKind.Double => CelValue.Double(-value.AsDouble),
            CelKind.Error => value,
            _ => CelValue.Error($"no such overload: -{value.TypeName}"),
        };
    }
}
