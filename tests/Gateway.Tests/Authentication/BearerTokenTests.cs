using Gateway.Authentication;
using Microsoft.Extensions.Primitives;

namespace Gateway.Tests.Authentication;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    public void TryRead_BearerHeader_GivesTheToken(string header, string token)
    {
        Assert.True(BearerToken.TryRead(new StringValues(header), out var read, out var problem));
        Assert.Equal(token, read);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearerabc")]
    public void TryRead_NoBearerCredentials_IsFalse(string? header) =>
        Assert.False(BearerToken.TryRead(header is null ? StringValues.Empty : new StringValues(header), out _, out _));

    [Fact]
    public void TryRead_TwoAuthorizationHeaders_IsAProblem()
    {
        Assert.True(BearerToken.TryRead(new StringValues(["Bearer a.b.c", "Bearer d.e.f"]), out _, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void TryRead_EmptyToken_IsAProblem()
    {
        Assert.True(BearerToken.TryRead(new StringValues("Bearer  "), out _, out var problem));
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData(true, 0, 30, 1)]
    [InlineData(true, 1, 30, 0)]
    [InlineData(false, 0, 30, 0)]
    [InlineData(true, 1, 31, 1)]
    [InlineData(true, 1, -1, 1)]
    public void JwtSvidOptions_Problems_RequireAudiencesAndBoundedLeeway(bool enabled, int audiences, int leewaySeconds, int problems)
    {
        var options = new JwtSvidOptions { Enabled = enabled, Leeway = TimeSpan.FromSeconds(leewaySeconds) };
        options.Audiences.AddRange(Enumerable.Repeat("gateway", audiences));

        Assert.Equal(problems, options.Problems().Count);
    }
}
