using System.Text;
using Gateway.Drivers.Redis.Resp;

namespace Gateway.Drivers.Tests.Redis.Resp;

public sealed class RespWriterTests
{
    [Fact]
    public void Encode_Command_IsAnArrayOfBulkStrings()
    {
        var command = new RedisCommand("XADD").Add("orders").Add("*").Add("data").Add(new byte[] { 0x00, 0x0D, 0x0A });

        var wire = RespWriter.Encode(command);

        Assert.Equal(
            [.. "*5\r\n$4\r\nXADD\r\n$6\r\norders\r\n$1\r\n*\r\n$4\r\ndata\r\n$3\r\n"u8, 0x00, 0x0D, 0x0A, .. "\r\n"u8],
            wire);
    }

    [Fact]
    public void Encode_NumbersAndUnicode_AreWrittenAsInvariantUtf8Text()
    {
        var wire = RespWriter.Encode(new RedisCommand("SET").Add("é").Add(-42));

        Assert.Equal("*3\r\n$3\r\nSET\r\n$2\r\né\r\n$3\r\n-42\r\n", Encoding.UTF8.GetString(wire));
    }

    [Fact]
    public void Name_WithSubcommand_NamesBothButNeverTheArguments()
    {
        var command = new RedisCommand("XGROUP", "CREATE").Add("orders").Add("secret-looking-argument");

        Assert.Equal("XGROUP CREATE", command.Name);
        Assert.Equal("XGROUP CREATE", command.ToString());
    }
}
