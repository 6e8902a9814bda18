namespace Gateway.Routing.Cel;

/// <summary>A list literal with at least one item that depends on the event.</summary>
internal sealed class ListNode(int position, CelNode[] items) : CelNode(position, items)
{
    public override CelKind? StaticKind => CelKind.List;

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var values = new CelValue[items.Length];
        for (var index = 0; index < items.Length; index++)
        {
            values[index] = items[index].Evaluate(cloudEvent);
            if (values[index].IsError)
            {
                return values[index];
            }
        }

        return CelValue.List(values);
    }
}
