namespace Gateway.Tests.Telemetry.Otlp;

/// <summary>One field of a protobuf message: its number and either a varint / fixed value or its bytes.</summary>
internal readonly record struct ProtoField(int Number, int WireType, ulong Scalar, ReadOnlyMemory<byte> Bytes)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);

    public double AsDouble => BitConverter.Int64BitsToDouble((long)Scalar);

    public string Hex => Convert.ToHexStringLower(Bytes.Span);
}

/// <summary>
/// The protobuf wire format, as little as OTLP needs: varints, fixed 32/64-bit values and length-delimited
/// fields. Groups (wire types 3 and 4, unused by OTLP) are refused.
/// </summary>
internal static class ProtoReader
{
    public static List<ProtoField> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtoField>();
        var span = message.Span;
        var position = 0;
        while (position < span.Length)
        {
            var key = ReadVarint(span, ref position);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case ProtoField.Varint:
                    fields.Add(new ProtoField(number, wireType, ReadVarint(span, ref position), default));
                    break;
                case ProtoField.Fixed64:
                    fields.Add(new ProtoField(number, wireType, BitConverter.ToUInt64(span.Slice(position, 8)), default));
                    position += 8;
                    break;
                case ProtoField.LengthDelimited:
                    var length = (int)ReadVarint(span, ref position);
                    fields.Add(new ProtoField(number, wireType, 0, message.Slice(position, length)));
                    position += length;
                    break;
                case ProtoField.Fixed32:
                    fields.Add(new ProtoField(number, wireType, BitConverter.ToUInt32(span.Slice(position, 4)), default));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"wire type {wireType} of field {number} at byte {position} is not supported");
            }
        }

        return fields;
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/>: repeated sub-messages.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> message, int number) =>
        Fields(message).Where(field => field.Number == number && field.WireType == ProtoField.LengthDelimited).Select(field => field.Bytes);

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("a varint is longer than 10 bytes");
    }
}
