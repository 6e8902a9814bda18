namespace Gateway.Routing.Cel;

/// <summary>
/// <c>== != &lt; &lt;= &gt; &gt;= in</c>. Equality never fails (different types are unequal);
/// ordering and <c>in</c> fail with "no such overload" on types they do not support.
/// </summary>
internal sealed class RelationNode(int position, CelRelation relation, CelNode left, CelNode right)
    : CelNode(position, left, right)
{
    public override CelKind? StaticKind => CelKind.Bool;

    public override CelValue Evaluate(in CelValue cloudEvent)
    {
        var leftValue = left.Evaluate(cloudEvent);
        if (leftValue.IsError)
        {
            return leftValue;
        }

        var rightValue = right.Evaluate(cloudEvent);
        if (rightValue.IsError)
        {
            return rightValue;
        }

        return relation switch
        {
            CelRelation.Equal => CelValue.Bool(CelEquality.AreEqual(leftValue, rightValue)),
            CelRelation.NotEqual => CelValue.Bool(!CelEquality.AreEqual(leftValue, rightValue)),
            CelRelation.In => Contains(rightValue, leftValue),
            _ => Order(leftValue, rightValue),
        };
    }

    public static string SymbolOf(CelRelation relation) => relation switch
    {
        CelRelation.Equal => "==",
        CelRelation.NotEqual => "!=",
        CelRelation.Less => "<",
        CelRelation.LessOrEqual => "<=",
        CelRelation.Greater => ">",
        CelRelation.GreaterOrEqual => ">=",
        _ => "in",
    };

    private static CelValue Contains(in CelValue container, in CelValue candidate) => container.Kind switch
    {
        CelKind.List => CelValue.Bool(CelEquality.ListContains(container, candidate)),

        // JSON maps only have string keys, so any other key type is simply absent.
        CelKind.Map => CelValue.Bool(candidate.Kind == CelKind.String && container.TryGetField(candidate.AsString, out _)),
        _ => CelValue.Error($"no such overload: {candidate.TypeName} in {container.TypeName}"),
    };

    private CelValue Order(in CelValue leftValue, in CelValue rightValue)
    {
        if (!CelOrdering.TryCompare(leftValue, rightValue, out var order))
        {
            return CelValue.Error($"no such overload: {leftValue.TypeName} {SymbolOf(relation)} {rightValue.TypeName}");
        }

        if (order is not { } sign)
        {
            return CelValue.Bool(false);
        }

        return CelValue.Bool(relation switch
        {
            CelRelation.Less => sign < 0,
            CelRelation.LessOrEqual => sign <= 0,
            CelRelation.Greater => sign > 0,
            _ => sign >= 0,
        });
    }
}
