namespace Gateway.Routing.Cel;

/// <summary>
/// The orderings CEL defines for <c>&lt; &lt;= &gt; &gt;=</c>: numbers across int, uint and double,
/// strings by Unicode code point, and <c>false &lt; true</c>. Anything else has no overload.
/// </summary>
internal static class CelOrdering
{
    /// <summary>
    /// Compares two non-error values. Returns false when the pair cannot be ordered
    /// (a "no such overload" error); <paramref name="order"/> is null when a NaN is involved.
    /// </summary>
    public static bool TryCompare(in CelValue left, in CelValue right, out int? order)
    {
        if (CelNumbers.IsNumber(left.Kind) && CelNumbers.IsNumber(right.Kind))
        {
            order = CelNumbers.Compare(left, right);
            return true;
        }

        order = (left.Kind, right.Kind) switch
        {
            (CelKind.String, CelKind.String) => CompareCodePoints(left.AsString, right.AsString),
            (CelKind.Bool, CelKind.Bool) => left.AsBool.CompareTo(right.AsBool),
            _ => null,
        };
        return order is not null;
    }

    /// <summary>
    /// Orders strings by code point, as Go and CEL do. Plain ordinal comparison of UTF-16 would put
    /// characters from U+E000 to U+FFFF after supplementary characters, so surrogates are moved up.
    /// </summary>
    internal static int CompareCodePoints(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var index = 0; index < length; index++)
        {
            if (left[index] != right[index])
            {
                return CodePointRank(left[index]).CompareTo(CodePointRank(right[index]));
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CodePointRank(char unit) => unit switch
    {
        >= '\uE000' => unit - 0x800,
        >= '\uD800' => unit + 0x2000,
        _ => unit,
    };
}
