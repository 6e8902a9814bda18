using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// Reads one RESP2 or RESP3 reply from bytes. Pure: it keeps no state between calls, so a caller
/// that received only part of a reply calls it again with more bytes. Attributes (<c>|</c>) are
/// read and dropped, since they describe the reply that follows them.
/// </summary>
internal static class RespParser
{
    /// <summary>Deeper nesting than any command reply needs; it guards against a hostile server.</summary>
    private const int MaxDepth = 32;

    /// <summary>
    /// Parses the reply at the start of <paramref name="buffer"/>. Returns false when the buffer
    /// ends before the reply does; throws <see cref="RespProtocolException"/> on bytes that are not RESP.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out RespValue? value, out int consumed)
    {
        var position = 0;
        if (TryRead(buffer, ref position, 0, out value))
        {
            consumed = position;
            return true;
        }

        value = null;
        consumed = 0;
        return false;
    }

    private static bool TryRead(ReadOnlySpan<byte> buffer, ref int position, int depth, out RespValue? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            throw new RespProtocolException($"replies nested deeper than {MaxDepth} levels");
        }

        if (!TryReadLine(buffer, ref position, out var type, out var line))
        {
            return false;
        }

        switch (type)
        {
            case (byte)'+':
                value = RespValue.Text(RespKind.SimpleString, line.ToArray());
                return true;
            case (byte)'-':
                value = RespValue.Text(RespKind.Error, line.ToArray());
                return true;
            case (byte)':':
                value = RespValue.FromInteger(ParseInteger(line));
                return true;
            case (byte)'(':
                value = RespValue.Text(RespKind.BigNumber, ValidBigNumber(line));
                return true;
            case (byte)',':
                value = RespValue.FromDouble(ParseDouble(line));
                return true;
            case (byte)'#':
                value = RespValue.FromBoolean(ParseBoolean(line));
                return true;
            case (byte)'_':
                value = line.IsEmpty ? RespValue.Null : throw new RespProtocolException("a null reply carries no value");
                return true;
            case (byte)'$':
                return TryReadBlob(buffer, ref position, line, RespKind.BulkString, out value);
            case (byte)'!':
                return TryReadBlob(buffer, ref position, line, RespKind.Error, out value);
            case (byte)'=':
                return TryReadBlob(buffer, ref position, line, RespKind.Verbatim, out value);
            case (byte)'*':
                return TryReadAggregate(buffer, ref position, line, RespKind.Array, 1, depth, out value);
            case (byte)'~':
                return TryReadAggregate(buffer, ref position, line, RespKind.Set, 1, depth, out value);
            case (byte)'>':
                return TryReadAggregate(buffer, ref position, line, RespKind.Push, 1, depth, out value);
            case (byte)'%':
                return TryReadAggregate(buffer, ref position, line, RespKind.Map, 2, depth, out value);
            case (byte)'|':
                // An attribute map describes the next reply; read both and keep only the reply.
                return TryReadAggregate(buffer, ref position, line, RespKind.Map, 2, depth, out _)
                    && TryRead(buffer, ref position, depth, out value);
            default:
                throw new RespProtocolException($"unknown reply type byte 0x{type:X2}");
        }
    }

    /// <summary>Reads the type byte and the rest of its line, up to (not including) CRLF.</summary>
    private static bool TryReadLine(ReadOnlySpan<byte> buffer, ref int position, out byte type, out ReadOnlySpan<byte> line)
    {
        type = 0;
        line = default;
        var rest = buffer[position..];
        var end = rest.IndexOf("\r\n"u8);
        if (end < 0)
        {
            // A line longer than any legitimate header, still without CRLF, is garbage rather than slow.
            return rest.Length <= 64 * 1024 || rest[0] is (byte)'+' or (byte)'-'
                ? false
                : throw new RespProtocolException("a reply header has no line end");
        }

        if (end == 0)
        {
            throw new RespProtocolException("an empty line where a reply was expected");
        }

        type = rest[0];
        line = rest[1..end];
        position += end + 2;
        return true;
    }

    private static bool TryReadBlob(ReadOnlySpan<byte> buffer, ref int position, ReadOnlySpan<byte> header, RespKind kind, out RespValue? value)
    {
        value = null;
        var length = ParseInteger(header);
        if (length == -1 && kind == RespKind.BulkString)
        {
            value = RespValue.Null;
            return true;
        }

        if (length < 0 || length > int.MaxValue - 2)
        {
            throw new RespProtocolException($"a string length of {length}");
        }

        var size = (int)length;
        if (buffer.Length - position < size + 2)
        {
            return false;
        }

        var payload = buffer.Slice(position, size);
        if (!buffer.Slice(position + size, 2).SequenceEqual("\r\n"u8))
        {
            throw new RespProtocolException("a string is not followed by CRLF");
        }

        position += size + 2;
        if (kind != RespKind.Verbatim)
        {
            value = RespValue.Text(kind, payload.ToArray());
            return true;
        }

        if (size < 4 || payload[3] != (byte)':')
        {
            throw new RespProtocolException("a verbatim string without its 'fmt:' prefix");
        }

        value = RespValue.Text(kind, payload[4..].ToArray(), Encoding.ASCII.GetString(payload[..3]));
        return true;
    }

    private static bool TryReadAggregate(ReadOnlySpan<byte> buffer, ref int position, ReadOnlySpan<byte> header, RespKind kind, int itemsPerEntry, int depth, out RespValue? value)
    {
        value = null;
        var count = ParseInteger(header);
        if (count == -1 && kind == RespKind.Array)
        {
            value = RespValue.Null;
            return true;
        }

        // Every item takes at least three bytes, so a count beyond that is a lie about the stream.
        if (count < 0 || count > int.MaxValue / 3 / itemsPerEntry)
        {
            throw new RespProtocolException($"an aggregate of {count} entries");
        }

        var items = new List<RespValue>((int)Math.Min(count * itemsPerEntry, 1024));
        for (var i = 0; i < count * itemsPerEntry; i++)
        {
            if (!TryRead(buffer, ref position, depth + 1, out var item))
            {
                return false;
            }

            items.Add(item!);
        }

        value = RespValue.Aggregate(kind, items);
        return true;
    }

    private static long ParseInteger(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out long number, out var used) && used == text.Length && text.Length > 0
            ? number
            : throw new RespProtocolException($"'{Encoding.ASCII.GetString(text)}' is not an integer");

    private static double ParseDouble(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual("inf"u8) || text.SequenceEqual("+inf"u8))
        {
            return double.PositiveInfinity;
        }

        if (text.SequenceEqual("-inf"u8))
        {
            return double.NegativeInfinity;
        }

        if (text.SequenceEqual("nan"u8) || text.SequenceEqual("-nan"u8))
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new RespProtocolException($"'{Encoding.ASCII.GetString(text)}' is not a double");
    }

    private static bool ParseBoolean(ReadOnlySpan<byte> text) => text switch
    {
        [(byte)'t'] => true,
        [(byte)'f'] => false,
        _ => throw new RespProtocolException($"'{Encoding.ASCII.GetString(text)}' is not a boolean"),
    };

    private static byte[] ValidBigNumber(ReadOnlySpan<byte> text)
    {
        var digits = text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+') ? text[1..] : text;
        return !digits.IsEmpty && digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            ? text.ToArray()
            : throw new RespProtocolException($"'{Encoding.ASCII.GetString(text)}' is not a big number");
    }
}
