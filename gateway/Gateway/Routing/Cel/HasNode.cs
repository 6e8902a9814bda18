namespace Gateway.Routing.Cel;

/// <summary>
/// The <c>has(operand.field)</c> macro: true when the map <c>operand</c> has the key <c>field</c>.
/// As in CEL, <c>operand</c> itself must evaluate: <c>has(event.data.a.b)</c> is an error when
/// <c>a</c> is missing, and when <c>a</c> is not a map.
/// </summary>
internal sealed class HasNode(int position, CelNode operand, string field) : CelNode(position, operand)
{
    public override CelKind? StaticKind => CelKind.Bool;

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var target = operand.Evaluate(cloudEvent);
        if (target.IsError)
        {
            return target;
        }

        return target.Kind == CelKind.Map
            ? CelValue.Bool(target.TryGetField(field, out _))
            : CelValue.Error($"has() cannot test field '{field}' of {CelValue.WithArticle(target.TypeName)}; it needs a map");
    }
}
