using Gateway.Publishing;

namespace Gateway.Tests.Publishing;

public sealed class QueryEscapingTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a+b", "a b")]
    [InlineData("a%2Bb", "a+b")]
    [InlineData("%e2%82%ac", "€")]
    [InlineData("%E2%82%AC", "€")]
    [InlineData("%25", "%")]
    public void TryUnescape_DecodesLikeGosQueryUnescape(string input, string expected)
    {
        Assert.True(QueryEscaping.TryUnescape(input, out var result));
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%2")]
    [InlineData("%zz")]
    [InlineData("a%g1")]
    public void TryUnescape_BadEscape_Fails(string input)
    {
        Assert.False(QueryEscaping.TryUnescape(input, out _));
    }
}
