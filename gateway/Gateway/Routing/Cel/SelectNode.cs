namespace Gateway.Routing.Cel;

/// <summary>Field selection <c>operand.field</c>; a missing key is an error, as in CEL.</summary>
internal sealed class SelectNode(int position, CelNode operand, string field) : CelNode(position, operand)
{
    public CelNode Operand { get; } = operand;

    public string Field { get; } = field;

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var target = Operand.Evaluate(cloudEvent);
        return Select(target, Field);
    }

    /// <summary>Shared with indexing by string key, which behaves the same on maps.</summary>
    internal static CelValue Select(in CelValue target, string field)
    {
        if (target.IsError)
        {
            return target;
        }

        if (target.Kind != CelKind.Map)
        {
            return CelValue.Error($"type '{target.TypeName}' does not support field selection (field '{field}')");
        }

        return target.TryGetField(field, out var value) ? value : CelValue.Error($"no such key: {field}");
    }
}
