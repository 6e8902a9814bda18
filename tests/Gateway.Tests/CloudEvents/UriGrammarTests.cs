using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class UriGrammarTests
{
    [Theory]
    [InlineData("https://github.com/cloudevents")]
    [InlineData("mailto:cncf-wg-serverless@lists.cncf.io")]
    [InlineData("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66")]
    [InlineData("/cloudevents/spec/pull/123")]
    [InlineData("1-555-123-4567")]
    [InlineData("#fragment")]
    [InlineData("?query")]
    [InlineData("")]
    [InlineData("//host:8080/p?q=1#f")]
    [InlineData("http://user:pw@[::1]:80/a%20b")]
    [InlineData("http://[v7.fe80::1]/")]
    [InlineData("a/b:c")]
    [InlineData("./this:that")]
    [InlineData("this:that:1")]
    public void IsUriReference_ValidReference_IsAccepted(string text) => Assert.True(UriGrammar.IsUriReference(text));

    [Theory]
    [InlineData(":colon-start")]
    [InlineData("[open-bracket-start")]
    [InlineData("a b")]
    [InlineData("/a%2")]
    [InlineData("/a%zz")]
    [InlineData("http://exa mple.com")]
    [InlineData("http://[::1/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://host:80a/")]
    [InlineData("/päth")]
    [InlineData("a#b#c")]
    [InlineData("1abc:def")]
    public void IsUriReference_Invalid_IsRejected(string text) => Assert.False(UriGrammar.IsUriReference(text));

    [Theory]
    [InlineData("https://example.com/schema.json", true)]
    [InlineData("https://example.com/schema.json#v1", true)]
    [InlineData("urn:example:schema", true)]
    [InlineData("/schema", false)]
    [InlineData("schema.json", false)]
    [InlineData("", false)]
    public void IsAbsoluteUri_RequiresScheme(string text, bool expected) =>
        Assert.Equal(expected, UriGrammar.IsAbsoluteUri(text));
}
