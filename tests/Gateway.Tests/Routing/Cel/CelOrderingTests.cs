using Gateway.Routing.Cel;

namespace Gateway.Tests.Routing.Cel;

public sealed class CelOrderingTests
{
    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("b", "a", 1)]
    [InlineData("ab", "abc", -1)]
    [InlineData("", "", 0)]
    [InlineData("Z", "a", -1)]
    [InlineData("\uFFFF", "😀", -1)]
    [InlineData("\uE000", "\U00010000", -1)]
    [InlineData("😀", "😁", -1)]
    [InlineData("\uD7FF", "😀", -1)]
    public void CompareCodePoints_OrdersByUnicodeCodePoint(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(CelOrdering.CompareCodePoints(left, right)));
    }

    [Fact]
    public void TryCompare_ListsHaveNoOrdering()
    {
        var list = CelValue.List([CelValue.Int(1)]);

        Assert.False(CelOrdering.TryCompare(list, list, out _));
    }

    [Fact]
    public void TryCompare_NaN_IsUnordered()
    {
        Assert.True(CelOrdering.TryCompare(CelValue.Double(double.NaN), CelValue.Int(1), out var order));

        Assert.Null(order);
    }
}
