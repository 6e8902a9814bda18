namespace Gateway.Routing.Cel;

/// <summary>
/// <c>&amp;&amp;</c> and <c>||</c> with CEL's commutative error absorption: the absorbing value
/// (false for <c>&amp;&amp;</c>, true for <c>||</c>) on either side decides the result even when the
/// other side is an error or not a bool, so <c>has(event.data.x) &amp;&amp; event.data.x &gt; 1</c>
/// and its mirror image behave the same.
/// </summary>
internal sealed class LogicalNode : CelNode
{
    private readonly CelNode _left;
    private readonly CelNode _right;
    private readonly bool _absorbing;

    private LogicalNode(int position, CelNode left, CelNode right, bool absorbing)
        : base(position, left, right)
    {
        _left = left;
        _right = right;
        _absorbing = absorbing;
    }

    public override CelKind? StaticKind => CelKind.Bool;

    private string Symbol => _absorbing ? "||" : "&&";

    public static LogicalNode And(int position, CelNode left, CelNode right) => new(position, left, right, absorbing: false);

    public static LogicalNode Or(int position, CelNode left, CelNode right) => new(position, left, right, absorbing: true);

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var left = _left.Evaluate(cloudEvent);
        if (IsAbsorbing(left))
        {
            return left;
        }

        var right = _right.Evaluate(cloudEvent);
        if (IsAbsorbing(right))
        {
            return right;
        }

        if (left.Kind == CelKind.Bool && right.Kind == CelKind.Bool)
        {
            return CelValue.Bool(!_absorbing);
        }

        if (left.IsError)
        {
            return left;
        }

        return right.IsError
            ? right
            : CelValue.Error($"no such overload: {left.TypeName} {Symbol} {right.TypeName}");
    }

    private bool IsAbsorbing(in CelValue value) => value.Kind == CelKind.Bool && value.AsBool == _absorbing;
}
