using Gateway.Resources;
using Gateway.Resources.Parsing;

namespace Gateway.Tests.Resources.Parsing;

public sealed class StatusCodeRangeParserTests
{
    [Fact]
    public void TryParse_CodesAndRanges_AreKeptInOrder()
    {
        Assert.True(StatusCodeRangeParser.TryParse("429, 500-599 ,408", 100, 599, out var ranges, out _));

        Assert.Equal([new StatusCodeRange(429, 429), new StatusCodeRange(500, 599), new StatusCodeRange(408, 408)], ranges);
    }

    [Fact]
    public void TryParse_EmptyText_IsNoFilter()
    {
        Assert.True(StatusCodeRangeParser.TryParse("  ", 100, 599, out var ranges, out _));

        Assert.Empty(ranges);
    }

    [Theory]
    [InlineData("600", "'600' is outside 100-599")]
    [InlineData("99", "'99' is outside 100-599")]
    [InlineData("599-500", "runs backwards")]
    [InlineData("5xx", "'5xx' is not a code")]
    [InlineData("500-550-599", "'500-550-599' is not a code")]
    [InlineData("429,", "'' is not a code")]
    [InlineData("-5", "'-5' is not a code")]
    public void TryParse_BadPart_IsRejectedNamingIt(string text, string expected)
    {
        Assert.False(StatusCodeRangeParser.TryParse(text, 100, 599, out _, out var problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
