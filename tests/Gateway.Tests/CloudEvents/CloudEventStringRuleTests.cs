using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class CloudEventStringRuleTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("Euro € 😀")]
    [InlineData("\u00A0\uFDCF\uFDF0\uFFFD")]    // just outside the disallowed ranges
    [InlineData("\uD800\uDC00")]                 // U+10000, a valid pair
    public void FindProblem_AllowedText_IsNull(string value) => Assert.Null(CloudEventStringRule.FindProblem(value));

    [Theory]
    [InlineData("a\u0000", "control character U+0000 at index 1")]
    [InlineData("\t", "control character U+0009 at index 0")]
    [InlineData("\u0085", "control character U+0085 at index 0")]
    [InlineData("\uFDEF", "noncharacter U+FDEF at index 0")]
    [InlineData("\uFFFF", "noncharacter U+FFFF at index 0")]
    [InlineData("x\uDBFF\uDFFE", "noncharacter U+10FFFE at index 1")]
    public void FindProblem_DisallowedCharacter_IsDescribed(string value, string expected) =>
        Assert.Equal(expected, CloudEventStringRule.FindProblem(value));

    // Lone surrogates cannot travel through [InlineData] (attribute strings are stored as UTF-8), so they are built here.
    [Theory]
    [InlineData(0xDEAD, "", "unpaired surrogate U+DEAD at index 0")]
    [InlineData(0xD800, "x", "unpaired surrogate U+D800 at index 0")]
    public void FindProblem_UnpairedSurrogate_IsDescribed(int surrogate, string after, string expected) =>
        Assert.Equal(expected, CloudEventStringRule.FindProblem((char)surrogate + after));

    [Fact]
    public void JsonStringLiteral_Decode_KeepsLoneSurrogatesAndEscapes() =>
        Assert.Equal("\uDEAD\"\\/\b\f\n\r\té", JsonStringLiteral.Decode("\"\\uDEAD\\\"\\\\\\/\\b\\f\\n\\r\\té\""));
}
