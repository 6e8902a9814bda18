namespace Gateway.Routing.Cel;

/// <summary>
/// CEL's heterogeneous equality: values of different types are simply unequal (no error),
/// except numbers, which are equal when their values are. Lists and maps compare deeply.
/// </summary>
internal static class CelEquality
{
    public static bool AreEqual(in CelValue left, in CelValue right)
    {
        if (CelNumbers.IsNumber(left.Kind) && CelNumbers.IsNumber(right.Kind))
        {
            return CelNumbers.Compare(left, right) == 0;
        }

        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            CelKind.Null => true,
            CelKind.Bool => left.AsBool == right.AsBool,
            CelKind.String => string.Equals(left.AsString, right.AsString, StringComparison.Ordinal),
            CelKind.List => ListsAreEqual(left, right),
            CelKind.Map => MapsAreEqual(left, right),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="list"/> holds an element equal to <paramref name="candidate"/>.</summary>
    public static bool ListContains(in CelValue list, in CelValue candidate)
    {
        foreach (var element in list.Elements)
        {
            if (AreEqual(element, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ListsAreEqual(in CelValue left, in CelValue right)
    {
        var count = left.Count;
        if (count != right.Count)
        {
            return false;
        }

        for (var index = 0; index < count; index++)
        {
            if (!AreEqual(left.ElementAt(index), right.ElementAt(index)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsAreEqual(in CelValue left, in CelValue right)
    {
        var keys = left.FieldNames;
        if (keys.Count != right.Count)
        {
            return false;
        }

        foreach (var key in keys)
        {
            if (!right.TryGetField(key, out var rightValue)
                || !left.TryGetField(key, out var leftValue)
                || !AreEqual(leftValue, rightValue))
            {
                return false;
            }
        }

        return true;
    }
}
