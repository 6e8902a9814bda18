using System.Buffers;
using System.Buffers.Text;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>Encodes commands the way every Redis server accepts them: an array of bulk strings.</summary>
internal static class RespWriter
{
    public static void Write(RedisCommand command, IBufferWriter<byte> output)
    {
        WriteHeader(output, (byte)'*', command.Parts.Count);
        foreach (var part in command.Parts)
        {
            WriteHeader(output, (byte)'$', part.Length);
            output.Write(part.Span);
            output.Write("\r\n"u8);
        }
    }

    public static byte[] Encode(RedisCommand command)
    {
        var output = new ArrayBufferWriter<byte>();
        Write(command, output);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteHeader(IBufferWriter<byte> output, byte type, int count)
    {
        var span = output.GetSpan(16);
        span[0] = type;
        Utf8Formatter.TryFormat(count, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(written + 3);
    }
}
