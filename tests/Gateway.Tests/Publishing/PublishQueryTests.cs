using Gateway.Publishing;

namespace Gateway.Tests.Publishing;

public sealed class PublishQueryTests
{
    [Fact]
    public void ReadMetadata_KeepsOnlyMetadataPrefixedKeys_WithTheirCase_FirstValueWins()
    {
        var metadata = PublishQuery.ReadMetadata("/p?metadata.rawPayload=true&metadata.TTLInSeconds=10&other=1&Metadata.x=2&metadata.k=a&metadata.k=b&metadata.sp=a+b%21");

        Assert.Equal(
            new Dictionary<string, string> { ["rawPayload"] = "true", ["TTLInSeconds"] = "10", ["k"] = "a", ["sp"] = "a b!" },
            metadata);
    }

    [Theory]
    [InlineData("/p")]
    [InlineData("/p?")]
    [InlineData("/p?metadata.=x")]
    public void ReadMetadata_NothingToRead_IsEmpty(string target)
    {
        Assert.Empty(PublishQuery.ReadMetadata(target));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void TryParseGoBool_AcceptsGosSpellings(string value, bool expected)
    {
        Assert.True(PublishQuery.TryParseGoBool(value, out var result));
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tRUE")]
    [InlineData("")]
    [InlineData(" true")]
    [InlineData("100")]
    public void TryParseGoBool_RefusesEverythingElse(string value)
    {
        Assert.False(PublishQuery.TryParseGoBool(value, out _));
    }
}
