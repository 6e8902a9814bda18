using Gateway.Identity.Jwt;

namespace Gateway.Tests.Identity.Jwt;

public sealed class JwtSvidValidatorTests
{
    private static readonly string[] Audiences = ["gateway"];

    private static JwtSvidValidationResult Validate(string token) =>
        JwtSvidValidator.Validate(token, TestJwts.Bundles(), Audiences, TestJwts.Now, TimeSpan.FromSeconds(30));

    /// <summary>Each row changes one thing about an otherwise valid ES256 token.</summary>
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        void Row(string name, JwtSvidFailureReason reason, Action<Dictionary<string, object?>, Dictionary<string, object?>> change, Func<Dictionary<string, object?>, Dictionary<string, object?>, string>? sign = null)
        {
            var header = TestJwts.Header();
            var claims = TestJwts.Claims();
            change(header, claims);
            data.Add(name + "|" + (sign ?? ((h, c) => TestJwts.Sign(h, c)))(header, claims), reason.ToString());
        }

        Row("expired", JwtSvidFailureReason.Expired, (_, c) => c["exp"] = TestJwts.Now.AddSeconds(-31).ToUnixTimeSeconds());
        Row("nbf in the future", JwtSvidFailureReason.NotYetValid, (_, c) => c["nbf"] = TestJwts.Now.AddMinutes(2).ToUnixTimeSeconds());
        Row("wrong aud", JwtSvidFailureReason.AudienceMismatch, (_, c) => c["aud"] = "someone-else");
        Row("no aud", JwtSvidFailureReason.MissingAudience, (_, c) => c.Remove("aud"));
        Row("empty aud array", JwtSvidFailureReason.MissingAudience, (_, c) => c["aud"] = Array.Empty<string>());
        Row("no exp", JwtSvidFailureReason.MissingExpiry, (_, c) => c.Remove("exp"));
        Row("alg none", JwtSvidFailureReason.AlgorithmNotAllowed, (h, _) => h["alg"] = "none");
        Row("HS256", JwtSvidFailureReason.AlgorithmNotAllowed, (h, _) => h["alg"] = "HS256");
        Row("EdDSA", JwtSvidFailureReason.AlgorithmNotAllowed, (h, _) => h["alg"] = "EdDSA");
        Row("unknown kid", JwtSvidFailureReason.UnknownKeyId, (h, _) => h["kid"] = "nope");
        Row("key of another trust domain", JwtSvidFailureReason.UnknownKeyId, (h, _) => h["kid"] = "other-1", (h, c) => TestJwts.Sign(h, c, TestJwts.OtherDomainKey));
        Row("kid-less, signed by another domain's key", JwtSvidFailureReason.BadSignature, (h, _) => h.Remove("kid"), (h, c) => TestJwts.Sign(h, c, TestJwts.OtherDomainKey));
        Row("bad signature", JwtSvidFailureReason.BadSignature, (_, _) => { }, (h, c) => TestJwts.Sign(h, c, TestJwts.OtherDomainKey));
        Row("typ wrong", JwtSvidFailureReason.WrongType, (h, _) => h["typ"] = "at+jwt");
        Row("extra header jku", JwtSvidFailureReason.UnexpectedHeader, (h, _) => h["jku"] = "https://evil.example/keys");
        Row("ES256 with the RSA kid", JwtSvidFailureReason.NoMatchingKey, (h, _) => h["kid"] = "rsa-1");
        Row("no sub", JwtSvidFailureReason.InvalidSubject, (_, c) => c.Remove("sub"));
        Row("sub not a SPIFFE ID", JwtSvidFailureReason.InvalidSubject, (_, c) => c["sub"] = "https://example.org/app1");
        Row("sub uppercase trust domain", JwtSvidFailureReason.InvalidSubject, (_, c) => c["sub"] = "spiffe://EXAMPLE.org/ns/default/app1");
        Row("sub is a trust domain", JwtSvidFailureReason.InvalidSubject, (_, c) => c["sub"] = "spiffe://example.org");
        Row("sub of an unknown trust domain", JwtSvidFailureReason.UnknownTrustDomain, (_, c) => c["sub"] = "spiffe://unknown.org/ns/default/app1");
        Row("sub of a PEM-only trust domain", JwtSvidFailureReason.UnknownTrustDomain, (_, c) => c["sub"] = "spiffe://pem-only.org/ns/default/app1");
        Row("sub of another domain signed with its key", JwtSvidFailureReason.UnknownKeyId, (_, c) => c["sub"] = "spiffe://other.org/ns/default/app1");
        Row("exp a string", JwtSvidFailureReason.Malformed, (_, c) => c["exp"] = "tomorrow");
        return data;
    }

    // The rows are tokens signed with keys made in this process; xunit.v3 under VSTest discovers in
    // another process, so the rows are built where they are checked.
    [Theory]
    [MemberData(nameof(Refusals), DisableDiscoveryEnumeration = true)]
    public void Validate_TokenBreakingOneRule_IsRefusedWithThatReason(string namedToken, string expected)
    {
        var result = Validate(namedToken[(namedToken.IndexOf('|', StringComparison.Ordinal) + 1)..]);

        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Reason.ToString());
        Assert.NotEmpty(result.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d.e")]
    [InlineData("e30.e30.")]
    [InlineData("e30=.e30.AQID")]
    [InlineData("W10.e30.AQID")]
    [InlineData("!!.e30.AQID")]
    public void Validate_NotACompactJws_IsMalformed(string token) =>
        Assert.Equal(JwtSvidFailureReason.Malformed, Validate(token).Reason);

    [Fact]
    public void Validate_DuplicateClaim_IsMalformed()
    {
        var header = TestJwts.Encode("""{"alg":"ES256","kid":"ec-1"}"""u8.ToArray());
        var claims = TestJwts.Encode("""{"sub":"spiffe://example.org/ns/default/app1","sub":"spiffe://example.org/ns/default/admin","aud":"gateway","exp":9999999999}"""u8.ToArray());

        Assert.Equal(JwtSvidFailureReason.Malformed, Validate($"{header}.{claims}.AQID").Reason);
    }

    [Fact]
    public void Validate_ValidEs256_GivesTheSubject()
    {
        var result = Validate(TestJwts.Sign(TestJwts.Header(), TestJwts.Claims()));

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("spiffe://example.org/ns/default/app1", result.SpiffeId.ToString());
    }

    [Fact]
    public void Validate_ManyTokensAtOnce_KeysReusedAcrossThreads_GiveTheSameAnswers()
    {
        var good = TestJwts.Sign(TestJwts.Header(), TestJwts.Claims());
        var forged = TestJwts.Sign(TestJwts.Header(), TestJwts.Claims(), TestJwts.OtherDomainKey);
        var rsa = TestJwts.Sign(TestJwts.Header("PS256", "rsa-1"), TestJwts.Claims(), TestJwts.RsaKey);

        var answers = new System.Collections.Concurrent.ConcurrentBag<(int Kind, bool Valid)>();
        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 8 }, index =>
        {
            var kind = index % 3;
            answers.Add((kind, Validate(kind switch { 0 => good, 1 => forged, _ => rsa }).IsValid));
        });

        Assert.Equal(600, answers.Count);
        Assert.All(answers, answer => Assert.Equal(answer.Kind != 1, answer.Valid));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    public void Validate_ValidRsa_GivesTheSubject(string alg)
    {
        var result = Validate(TestJwts.Sign(TestJwts.Header(alg, "rsa-1"), TestJwts.Claims(), TestJwts.RsaKey));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Validate_NoKidAndNoTyp_TriesEveryFittingKey()
    {
        var result = Validate(TestJwts.Sign(TestJwts.Header("RS256", kid: null, typ: null), TestJwts.Claims(), TestJwts.RsaKey));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Validate_AudienceAsStringAndExpiredWithinLeeway_IsAccepted()
    {
        var claims = TestJwts.Claims();
        claims["aud"] = "gateway";
        claims["exp"] = TestJwts.Now.AddSeconds(-10).ToUnixTimeSeconds();

        Assert.True(Validate(TestJwts.Sign(TestJwts.Header(typ: "JOSE"), claims)).IsValid);
    }

    [Fact]
    public void Validate_LeewayAboveThirtySeconds_IsCapped()
    {
        var claims = TestJwts.Claims();
        claims["exp"] = TestJwts.Now.AddSeconds(-45).ToUnixTimeSeconds();

        var result = JwtSvidValidator.Validate(TestJwts.Sign(TestJwts.Header(), claims), TestJwts.Bundles(), Audiences, TestJwts.Now, TimeSpan.FromMinutes(5));

        Assert.Equal(JwtSvidFailureReason.Expired, result.Reason);
    }
}
