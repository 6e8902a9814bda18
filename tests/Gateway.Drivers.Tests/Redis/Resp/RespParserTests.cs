using System.Text;
using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Tests.Redis.Resp;

public sealed class RespParserTests
{
    /// <summary>Each reply as the server writes it, and what it must read as (kind and a rendering of its content).</summary>
    public static TheoryData<string, string, string> Replies => new()
    {
        { "+OK\r\n", nameof(RespKind.SimpleString), "OK" },
        { "-ERR unknown command 'FOO'\r\n", nameof(RespKind.Error), "ERR unknown command 'FOO'" },
        { ":0\r\n", nameof(RespKind.Integer), "0" },
        { ":-9223372036854775808\r\n", nameof(RespKind.Integer), "-9223372036854775808" },
        { "$5\r\nhello\r\n", nameof(RespKind.BulkString), "hello" },
        { "$0\r\n\r\n", nameof(RespKind.BulkString), "" },
        { "$4\r\na\r\nb\r\n", nameof(RespKind.BulkString), "a\r\nb" },
        { "$-1\r\n", nameof(RespKind.Null), "null" },
        { "*-1\r\n", nameof(RespKind.Null), "null" },
        { "_\r\n", nameof(RespKind.Null), "null" },
        { "*0\r\n", nameof(RespKind.Array), "[]" },
        { "*3\r\n:1\r\n$1\r\nx\r\n*1\r\n+nested\r\n", nameof(RespKind.Array), "[1, x, [nested]]" },
        { "*2\r\n$-1\r\n_\r\n", nameof(RespKind.Array), "[null, null]" },
        { "%2\r\n+first\r\n:1\r\n$6\r\nsecond\r\n#t\r\n", nameof(RespKind.Map), "[first, 1, second, true]" },
        { "~2\r\n+a\r\n+b\r\n", nameof(RespKind.Set), "[a, b]" },
        { ",3.25\r\n", nameof(RespKind.Double), "3.25" },
        { ",-1e3\r\n", nameof(RespKind.Double), "-1000" },
        { ",inf\r\n", nameof(RespKind.Double), "Infinity" },
        { ",-inf\r\n", nameof(RespKind.Double), "-Infinity" },
        { ",nan\r\n", nameof(RespKind.Double), "NaN" },
        { "#t\r\n", nameof(RespKind.Boolean), "true" },
        { "#f\r\n", nameof(RespKind.Boolean), "false" },
        { "(3492890328409238509324850943850943825024385\r\n", nameof(RespKind.BigNumber), "3492890328409238509324850943850943825024385" },
        { "(-12\r\n", nameof(RespKind.BigNumber), "-12" },
        { "=15\r\ntxt:Some string\r\n", nameof(RespKind.Verbatim), "txt:Some string" },
        { "!21\r\nSYNTAX invalid syntax\r\n", nameof(RespKind.Error), "SYNTAX invalid syntax" },
        { ">3\r\n+invalidate\r\n*1\r\n$3\r\nkey\r\n:7\r\n", nameof(RespKind.Push), "[invalidate, [key], 7]" },
        { "|1\r\n+ttl\r\n:3600\r\n$5\r\nvalue\r\n", nameof(RespKind.BulkString), "value" },
    };

    public static TheoryData<string> Malformed =>
    [
        "?what\r\n",
        ":12a\r\n",
        ":\r\n",
        "$3\r\nabcd\r\n",
        "$-2\r\n",
        "*-5\r\n",
        "#x\r\n",
        ",one\r\n",
        "(12.5\r\n",
        "=3\r\ntxt\r\n",
        "_x\r\n",
        "\r\n",
    ];

    [Theory]
    [MemberData(nameof(Replies))]
    public void TryParse_WholeReply_ReadsKindAndValueAndConsumesEveryByte(string wire, string kind, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);

        Assert.True(RespParser.TryParse(bytes, out var value, out var consumed));

        Assert.Equal(kind, value!.Kind.ToString());
        Assert.Equal(expected, Render(value));
        Assert.Equal(bytes.Length, consumed);
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void TryParse_ReplyCutAtAnyByte_AsksForMoreUntilTheLastByteArrives(string wire, string kind, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(wire);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(RespParser.TryParse(bytes.AsSpan(0, length), out var partial, out var consumed), $"complete after {length} of {bytes.Length} bytes");
            Assert.Null(partial);
            Assert.Equal(0, consumed);
        }

        Assert.True(RespParser.TryParse(bytes, out var value, out _));
        Assert.Equal((kind, expected), (value!.Kind.ToString(), Render(value)));
    }

    [Fact]
    public void TryParse_TwoRepliesInOneBuffer_ReadsOnlyTheFirst()
    {
        var bytes = "+first\r\n:2\r\n"u8.ToArray();

        Assert.True(RespParser.TryParse(bytes, out var first, out var consumed));
        Assert.True(RespParser.TryParse(bytes.AsSpan(consumed), out var second, out _));

        Assert.Equal(("first", 2L), (first!.AsString(), second!.Integer));
    }

    [Fact]
    public void TryParse_BinaryBulkString_KeepsEveryByte()
    {
        byte[] payload = [0x00, 0xFF, 0x0D, 0x0A, 0xC3];
        byte[] wire = [.. "$5\r\n"u8, .. payload, .. "\r\n"u8];

        Assert.True(RespParser.TryParse(wire, out var value, out _));

        Assert.Equal(payload, value!.Bytes.ToArray());
    }

    [Fact]
    public void TryParse_VerbatimString_KeepsTheFormatApart()
    {
        Assert.True(RespParser.TryParse("=8\r\nmkd:*hi*\r\n"u8, out var value, out _));

        Assert.Equal(("mkd", "*hi*"), (value!.Format, value.AsString()));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_BytesThatAreNotResp_Throw(string wire) =>
        Assert.Throws<RespProtocolException>(() => RespParser.TryParse(Encoding.UTF8.GetBytes(wire), out _, out _));

    [Fact]
    public void TryParse_NestingBeyondTheLimit_Throws()
    {
        var wire = string.Concat(Enumerable.Repeat("*1\r\n", 100)) + ":1\r\n";

        Assert.Throws<RespProtocolException>(() => RespParser.TryParse(Encoding.UTF8.GetBytes(wire), out _, out _));
    }

    private static string Render(RespValue value) => value.Kind switch
    {
        RespKind.Null => "null",
        RespKind.Verbatim => $"{value.Format}:{value.AsString()}",
        RespKind.Double => value.Double.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when value.IsAggregate => $"[{string.Join(", ", value.Items.Select(Render))}]",
        _ => value.AsString()!,
    };
}
