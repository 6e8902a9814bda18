using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class HeaderValueCodecTests
{
    [Theory]
    [InlineData("Euro € 😀", "Euro%20%E2%82%AC%20%F0%9F%98%80")]
    [InlineData("a\"b%c", "a%22b%25c")]
    [InlineData("plain-ASCII_~!", "plain-ASCII_~!")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("\u007F\u0080", "%7F%C2%80")]
    [InlineData("", "")]
    public void Encode_H9_PercentEncodesUtf8WithUpperCaseHex(string value, string expected) =>
        Assert.Equal(expected, HeaderValueCodec.Encode(value));

    [Theory]
    [InlineData("Euro%20%E2%82%AC%20%F0%9F%98%80", "Euro € 😀")]
    [InlineData("Euro%20%e2%82%ac%20%f0%9f%98%80", "Euro € 😀")]   // lower-case hex
    [InlineData("%30%31", "01")]                                   // needless encodings
    [InlineData("%2541", "%41")]                                   // exactly one round
    [InlineData("\"quoted value\"", "quoted value")]               // RFC 7230 quoted-string
    [InlineData("\"a\\\"b\\\\c\"", "a\"b\\c")]                     // backslash escapes
    [InlineData("\"%20\"", " ")]                                   // unquote, then percent-decode
    [InlineData("Euro \u00E2\u0082\u00AC", "Euro €")]              // UTF-8 bytes read as Latin-1
    [InlineData("", "")]
    public void TryDecode_H10_UndoesQuotingThenOnePercentRound(string raw, string expected)
    {
        Assert.True(HeaderValueCodec.TryDecode(raw, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("%C0%A0", "UTF-8")]          // overlong space
    [InlineData("%80", "UTF-8")]             // lone continuation byte
    [InlineData("%ED%A0%80", "UTF-8")]       // encoded surrogate
    [InlineData("%F0%9F%98", "UTF-8")]       // truncated sequence
    [InlineData("%2", "hex")]
    [InlineData("%zz", "hex")]
    [InlineData("\"open", "closing quote")]
    [InlineData("\"a\"b", "closing quote")]
    [InlineData("snow\u2603", "U+2603")]
    public void TryDecode_Invalid_IsRejectedWithReason(string raw, string reasonPart)
    {
        Assert.False(HeaderValueCodec.TryDecode(raw, out _, out var error));
        Assert.Contains(reasonPart, error);
    }

    [Theory]
    [InlineData("Euro € 😀")]
    [InlineData("\"%\" \t\u00FF\uD83D\uDE00")]
    public void EncodeThenDecode_RoundTrips(string value)
    {
        Assert.True(HeaderValueCodec.TryDecode(HeaderValueCodec.Encode(value), out var decoded, out _));
        Assert.Equal(value, decoded);
    }
}
