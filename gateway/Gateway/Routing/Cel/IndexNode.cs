namespace Gateway.Routing.Cel;

/// <summary>Index selection: <c>map["key"]</c> or <c>list[0]</c>.</summary>
internal sealed class IndexNode(int position, CelNode operand, CelNode index) : CelNode(position, operand, index)
{
    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var target = operand.Evaluate(cloudEvent);
        if (target.IsError)
        {
            return target;
        }

        var key = index.Evaluate(cloudEvent);
        if (key.IsError)
        {
            return key;
        }

        return target.Kind switch
        {
            CelKind.Map when key.Kind == CelKind.String => SelectNode.Select(target, key.AsString),
            CelKind.Map => CelValue.Error($"no such key: {Describe(key)}"),
            CelKind.List => ElementAt(target, key),
            _ => CelValue.Error($"type '{target.TypeName}' does not support indexing"),
        };
    }

    private static CelValue ElementAt(in CelValue list, in CelValue key)
    {
        double position = key.Kind switch
        {
            CelKind.Int => key.AsInt,
            CelKind.UInt => key.AsUInt,
            CelKind.Double when double.IsInteger(key.AsDouble) => key.AsDouble,
            _ => double.NaN,
        };
        if (double.IsNaN(position))
        {
            return CelValue.Error($"no such overload: list[{key.TypeName}]");
        }

        return position >= 0 && position < list.Count
            ? list.ElementAt((int)position)
            : CelValue.Error($"index out of range: {Describe(key)}");
    }

    private static string Describe(in CelValue key) => key.Kind switch
    {
        CelKind.Int => key.AsInt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CelKind.UInt => key.AsUInt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CelKind.Double => key.AsDouble.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CelKind.Bool => key.AsBool ? "true" : "false",
        _ => key.TypeName,
    };
}
