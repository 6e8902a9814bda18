namespace Gateway.Scopes.Tests;

public class MetadataKeyMatcherTests
{
    [Theory]
    [InlineData("publishingScopes", true)]
    [InlineData("PUBLISHINGSCOPES", true)]
    [InlineData("Publishingscopes", true)]
    [InlineData("publishingscopes", true)]
    // Go's lower-case mapping turns U+0130 into 'i', so Dapr accepts this spelling.
    [InlineData("publ\u0130shingScopes", true)]
    // U+017F and U+0131 only upper-case to ASCII; Dapr lower-cases, so they do not match.
    [InlineData("publishingScope\u017F", false)]
    [InlineData("publ\u0131shingScopes", false)]
    [InlineData("publishingScopes ", false)]
    [InlineData(" publishingScopes", false)]
    [InlineData("publishing_scopes", false)]
    [InlineData("publishingScope", false)]
    [InlineData("subscriptionScopes", false)]
    [InlineData("", false)]
    public void Matches_NameAgainstPublishingScopes_FollowsDaprLowerCasing(string name, bool expected)
    {
        Assert.Equal(expected, MetadataKeyMatcher.Matches(name, "publishingScopes"));
    }

    [Fact]
    public void Matches_KelvinSign_MatchesAsciiK()
    {
        Assert.True(MetadataKeyMatcher.Matches("\u212Aey", "key"));
    }
}
