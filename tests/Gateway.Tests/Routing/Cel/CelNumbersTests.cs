using Gateway.Routing.Cel;

namespace Gateway.Tests.Routing.Cel;

public sealed class CelNumbersTests
{
    private static CelValue Number(object value) => value switch
    {
        long integer => CelValue.Int(integer),
        ulong unsigned => CelValue.UInt(unsigned),
        double number => CelValue.Double(number),
        _ => throw new ArgumentException($"not a test number: {value}"),
    };

    [Theory]
    [InlineData(1L, 2L, -1)]
    [InlineData(2L, 2.0, 0)]
    [InlineData(1L, 1.5, -1)]
    [InlineData(-1L, -1.5, 1)]
    [InlineData(-2L, -1.5, -1)]
    [InlineData(1.5, 1L, 1)]
    [InlineData(long.MaxValue, 9223372036854775808.0, -1)]
    [InlineData(long.MinValue, -9223372036854775808.0, 0)]
    [InlineData(long.MinValue, -1e19, 1)]
    [InlineData(long.MaxValue, double.PositiveInfinity, -1)]
    [InlineData(-1L, 0UL, -1)]
    [InlineData(5L, 5UL, 0)]
    [InlineData(ulong.MaxValue, long.MaxValue, 1)]
    [InlineData(ulong.MaxValue, 18446744073709551616.0, -1)]
    [InlineData(3UL, 2.5, 1)]
    [InlineData(0UL, -0.5, 1)]
    [InlineData(0.5, 1UL, -1)]
    [InlineData(-0.0, 0.0, 0)]
    [InlineData(double.NaN, 1.0, null)]
    [InlineData(1L, double.NaN, null)]
    [InlineData(1UL, double.NaN, null)]
    public void Compare_MixedNumericTypes_OrdersByExactValue(object left, object right, int? expected)
    {
        var order = CelNumbers.Compare(Number(left), Number(right));

        Assert.Equal(expected, order is { } sign ? Math.Sign(sign) : null);
    }

    [Fact]
    public void AreEqual_NaN_IsNotEqualToItself()
    {
        Assert.False(CelEquality.AreEqual(CelValue.Double(double.NaN), CelValue.Double(double.NaN)));
    }
}
