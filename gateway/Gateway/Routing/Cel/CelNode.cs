namespace Gateway.Routing.Cel;

/// <summary>
/// A node of a parsed expression. Nodes are immutable, so one parsed expression can be
/// evaluated from many threads at once.
/// </summary>
internal abstract class CelNode
{
    protected CelNode(int position, params ReadOnlySpan<CelNode> children)
    {
        Position = position;
        var deepestChild = 0;
        foreach (var child in children)
        {
            deepestChild = Math.Max(deepestChild, child.Depth);
        }

        Depth = deepestChild + 1;
    }

    /// <summary>0-based index in the source of the token that introduced this node.</summary>
    public int Position { get; }

    /// <summary>Height of the tree below this node; bounded by the parser so evaluation cannot overflow the stack.</summary>
    public int Depth { get; }

    /// <summary>The result type when it is known without an event, otherwise null.</summary>
    public virtual CelKind? StaticKind => null;

    /// <summary>Evaluates against the CloudEvent (a map value); errors come back as error values.</summary>
    public abstract CelValue Evaluate(in CelValue cloudEvent);
}
