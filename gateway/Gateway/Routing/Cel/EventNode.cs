namespace Gateway.Routing.Cel;

/// <summary>The identifier <c>event</c>: the CloudEvent as a map.</summary>
internal sealed class EventNode(int position) : CelNode(position)
{
    public override CelKind? StaticKind => CelKind.Map;

    public override CelValue Evaluate(in CelValue cloudEvent) => cloudEvent;
}
