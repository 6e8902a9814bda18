using Gateway.Identity;

namespace Gateway.Tests.Identity;

public sealed class SpiffeIdTests
{
    private const string TrustDomainChars =
        "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores";
    private const string PathChars =
        "path segment characters are limited to letters, numbers, dots, dashes, and underscores";
    private const string Scheme = "scheme is missing or invalid";
    private const string MissingTrustDomain = "trust domain is missing";
    private const string EmptySegments = "path cannot contain empty segments";
    private const string DotSegments = "path cannot contain dot segments";
    private const string TrailingSlash = "path cannot have a trailing slash";

    [Theory]
    [InlineData("spiffe://trustdomain", "trustdomain", "")]
    [InlineData("spiffe://trustdomain/path", "trustdomain", "/path")]
    [InlineData("spiffe://trustdomain/path1/path2", "trustdomain", "/path1/path2")]
    [InlineData("spiffe://example.org/ns/default/app1", "example.org", "/ns/default/app1")]
    [InlineData("spiffe://a-b.c_d/A-z.0_9", "a-b.c_d", "/A-z.0_9")]
    [InlineData("spiffe://example.org/.path", "example.org", "/.path")]
    [InlineData("spiffe://example.org/..path", "example.org", "/..path")]
    [InlineData("spiffe://example.org/...", "example.org", "/...")]
    [InlineData("spiffe://example..org/x", "example..org", "/x")]
    [InlineData("spiffe://.example.org", ".example.org", "")]
    [InlineData("spiffe://example.org./x", "example.org.", "/x")]
    [InlineData("spiffe://-example.org", "-example.org", "")]
    [InlineData("spiffe://192.168.1.1/x", "192.168.1.1", "/x")]
    [InlineData("spiffe://example.org/Service", "example.org", "/Service")]
    public void Parse_ValidId_SplitsTrustDomainAndPathAndKeepsTheExactString(string input, string trustDomain, string path)
    {
        Assert.True(SpiffeId.TryParse(input, out var id, out var error), error);
        Assert.Equal(string.Empty, error);
        Assert.Equal(trustDomain, id.TrustDomain);
        Assert.Equal(path, id.Path);
        Assert.Equal(input, id.ToString());
    }

    [Theory]
    [InlineData("", "cannot be empty")]
    [InlineData(null, "cannot be empty")]
    [InlineData("Spiffe://trustdomain/path", Scheme)]
    [InlineData("SPIFFE://trustdomain/path", Scheme)]
    [InlineData("spiffe:/trustdomain/path", Scheme)]
    [InlineData("http://trustdomain/path", Scheme)]
    [InlineData("trustdomain/path", Scheme)]
    [InlineData(" spiffe://trustdomain/path", Scheme)]
    [InlineData("spi\u00ADffe://td/a", Scheme)]
    [InlineData("\0spiffe://td/a", Scheme)]
    [InlineData("spiffe://", MissingTrustDomain)]
    [InlineData("spiffe:///path", MissingTrustDomain)]
    [InlineData("spiffe:///", MissingTrustDomain)]
    [InlineData("spiffe://TRUSTDOMAIN/path", TrustDomainChars)]
    [InlineData("spiffe://Example.org/path", TrustDomainChars)]
    [InlineData("spiffe://example.org:8080/path", TrustDomainChars)]
    [InlineData("spiffe://user@example.org/path", TrustDomainChars)]
    [InlineData("spiffe://[::1]/path", TrustDomainChars)]
    [InlineData("spiffe://ex%41mple.org/path", TrustDomainChars)]
    [InlineData("spiffe://example.org?query=1", TrustDomainChars)]
    [InlineData("spiffe://example.org#fragment", TrustDomainChars)]
    [InlineData("spiffe://ex\u00E4mple.org/path", TrustDomainChars)]
    [InlineData("spiffe://example org/path", TrustDomainChars)]
    [InlineData("spiffe://example.org/", TrailingSlash)]
    [InlineData("spiffe://example.org/path/", TrailingSlash)]
    [InlineData("spiffe://example.org//path", EmptySegments)]
    [InlineData("spiffe://example.org/a//b", EmptySegments)]
    [InlineData("spiffe://example.org/.", DotSegments)]
    [InlineData("spiffe://example.org/..", DotSegments)]
    [InlineData("spiffe://example.org/a/./b", DotSegments)]
    [InlineData("spiffe://example.org/a/../b", DotSegments)]
    [InlineData("spiffe://example.org/%41", PathChars)]
    [InlineData("spiffe://example.org/a?x=1", PathChars)]
    [InlineData("spiffe://example.org/a#frag", PathChars)]
    [InlineData("spiffe://example.org/a#", PathChars)]
    [InlineData("spiffe://example.org/p\u00E4th", PathChars)]
    [InlineData("spiffe://example.org/a b", PathChars)]
    [InlineData("spiffe://example.org/a:b", PathChars)]
    [InlineData("spiffe://example.org/a@b", PathChars)]
    [InlineData("spiffe://example.org/a~b", PathChars)]
    public void Parse_InvalidId_IsRejectedWithGoSpiffesMessage(string? input, string expectedError)
    {
        Assert.False(SpiffeId.TryParse(input, out var id, out var error));
        Assert.Null(id);
        Assert.Equal(expectedError, error);
    }

    [Theory]
    [InlineData("spiffe://td/./a$", DotSegments)]
    [InlineData("spiffe://td/a$/./b", PathChars)]
    [InlineData("spiffe://TD//", TrustDomainChars)]
    [InlineData("spiffe://td//a$", EmptySegments)]
    [InlineData("spiffe://td/a$/", PathChars)]
    [InlineData("spiffe://td/a/$/", PathChars)]
    [InlineData("spiffe://t$D/a", TrustDomainChars)]
    public void Parse_SeveralProblems_ReportsTheOneGoSpiffeReportsFirst(string input, string expectedError)
    {
        Assert.False(SpiffeId.TryParse(input, out _, out var error));
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Parse_TrustDomainOf255Bytes_IsAccepted()
    {
        var trustDomain = new string('a', 255);

        Assert.True(SpiffeId.TryParse($"spiffe://{trustDomain}/x", out var id, out _));
        Assert.Equal(trustDomain, id.TrustDomain);
    }

    [Fact]
    public void Parse_TrustDomainOf256Bytes_IsRejected()
    {
        Assert.False(SpiffeId.TryParse($"spiffe://{new string('a', 256)}/x", out _, out var error));
        Assert.Equal("trust domain cannot be longer than 255 bytes", error);
    }

    [Fact]
    public void Parse_LengthLimits_ComeAfterGoSpiffesOwnChecks()
    {
        Assert.False(SpiffeId.TryParse($"spiffe://{new string('a', 256)}/x$", out _, out var error));
        Assert.Equal(PathChars, error);
    }

    [Fact]
    public void Parse_IdOfExactlyTheLimit_IsAcceptedAndOneByteMoreIsRejected()
    {
        var atLimit = "spiffe://example.org/" + new string('p', SpiffeIdSyntax.MaxIdLength - "spiffe://example.org/".Length);
        Assert.Equal(2048, atLimit.Length);

        Assert.True(SpiffeId.TryParse(atLimit, out _, out _));
        Assert.False(SpiffeId.TryParse(atLimit + "p", out _, out var error));
        Assert.Equal("SPIFFE ID cannot be longer than 2048 bytes", error);
    }

    [Fact]
    public void Equality_IsOrdinalOnTheWholeString()
    {
        var lower = SpiffeId.Parse("spiffe://example.org/service");

        Assert.Equal(lower, SpiffeId.Parse("spiffe://example.org/service"));
        Assert.True(lower == SpiffeId.Parse("spiffe://example.org/service"));
        Assert.Equal(lower.GetHashCode(), SpiffeId.Parse("spiffe://example.org/service").GetHashCode());
        Assert.NotEqual(lower, SpiffeId.Parse("spiffe://example.org/Service"));
        Assert.True(lower != SpiffeId.Parse("spiffe://example.org/service/x"));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionNamingValueAndReason()
    {
        var ex = Assert.Throws<FormatException>(() => SpiffeId.Parse("spiffe://example.org/"));

        Assert.Contains("'spiffe://example.org/'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(TrailingSlash, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spiffe://example.org", true, new string[0])]
    [InlineData("spiffe://example.org/ns/default/app1", false, new[] { "ns", "default", "app1" })]
    public void Segments_AndIsRoot_DescribeThePath(string input, bool isRoot, string[] segments)
    {
        var id = SpiffeId.Parse(input);

        Assert.Equal(isRoot, id.IsRoot);
        Assert.Equal(segments, id.Segments);
    }

    [Fact]
    public void IsMemberOf_ComparesTrustDomainOrdinally()
    {
        var id = SpiffeId.Parse("spiffe://example.org/app");

        Assert.True(id.IsMemberOf("example.org"));
        Assert.False(id.IsMemberOf("Example.org"));
        Assert.False(id.IsMemberOf("example.or"));
    }

    [Theory]
    [InlineData("example.org", "spiffe://example.org")]
    [InlineData("public", "spiffe://public")]
    public void ForTrustDomain_ValidName_GivesTheRootId(string trustDomain, string expected)
    {
        Assert.Equal(expected, SpiffeId.ForTrustDomain(trustDomain).ToString());
    }

    [Theory]
    [InlineData("Example.org")]
    [InlineData("example.org/path")]
    [InlineData("")]
    public void ForTrustDomain_InvalidName_Throws(string trustDomain)
    {
        Assert.Throws<FormatException>(() => SpiffeId.ForTrustDomain(trustDomain));
    }
}
