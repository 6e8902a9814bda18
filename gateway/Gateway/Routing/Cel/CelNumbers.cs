namespace Gateway.Routing.Cel;

/// <summary>
/// Compares int, uint and double by their exact numeric value, so that <c>1 == 1.0</c> and
/// <c>-1 &lt; 0u</c> hold without the rounding a plain conversion to double would bring.
/// </summary>
internal static class CelNumbers
{
    private const double TwoToThe63 = 9223372036854775808.0;
    private const double TwoToThe64 = 18446744073709551616.0;

    public static bool IsNumber(CelKind kind) => kind is CelKind.Int or CelKind.UInt or CelKind.Double;

    /// <summary>Negative, zero or positive as for <see cref="IComparable.CompareTo"/>; null when a NaN is involved.</summary>
    public static int? Compare(in CelValue left, in CelValue right) => (left.Kind, right.Kind) switch
    {
        (CelKind.Int, CelKind.Int) => left.AsInt.CompareTo(right.AsInt),
        (CelKind.UInt, CelKind.UInt) => left.AsUInt.CompareTo(right.AsUInt),
        (CelKind.Double, CelKind.Double) => CompareDoubles(left.AsDouble, right.AsDouble),
        (CelKind.Int, CelKind.UInt) => CompareIntUInt(left.AsInt, right.AsUInt),
        (CelKind.UInt, CelKind.Int) => -CompareIntUInt(right.AsInt, left.AsUInt),
        (CelKind.Int, CelKind.Double) => CompareIntDouble(left.AsInt, right.AsDouble),
        (CelKind.Double, CelKind.Int) => -CompareIntDouble(right.AsInt, left.AsDouble),
        (CelKind.UInt, CelKind.Double) => CompareUIntDouble(left.AsUInt, right.AsDouble),
        (CelKind.Double, CelKind.UInt) => -CompareUIntDouble(right.AsUInt, left.AsDouble),
        _ => throw new ArgumentException("both values must be numbers"),
    };

    private static int? CompareDoubles(double left, double right) =>
        double.IsNaN(left) || double.IsNaN(right) ? null : left.CompareTo(right);

    private static int CompareIntUInt(long left, ulong right) =>
        left < 0 ? -1 : ((ulong)left).CompareTo(right);

    private static int? CompareIntDouble(long left, double right)
    {
        if (double.IsNaN(right))
        {
            return null;
        }

        if (right < -TwoToThe63)
        {
            return 1;
        }

        if (right >= TwoToThe63)
        {
            return -1;
        }

        var whole = Math.Truncate(right);
        var byWholePart = left.CompareTo((long)whole);
        return byWholePart != 0 ? byWholePart : -Math.Sign(right - whole);
    }

    private static int? CompareUIntDouble(ulong left, double right)
    {
        if (double.IsNaN(right))
        {
            return null;
        }

        if (right < 0)
        {
            return 1;
        }

        if (right >= TwoToThe64)
        {
            return -1;
        }

        var whole = Math.Truncate(right);
        var byWholePart = left.CompareTo((ulong)whole);
        return byWholePart != 0 ? byWholePart : -Math.Sign(right - whole);
    }
}
