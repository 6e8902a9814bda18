using System.Text;

namespace Gateway.LoadGen.Load;

/// <summary>
/// The JSON object every message carries: <c>{"t":"&lt;20 digits&gt;","pad":"xx…"}</c>, exactly
/// <see cref="Size"/> bytes. <c>t</c> is the generator's <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp of the moment the message was due (scheduled in fixed-rate mode, sent in closed-loop
/// mode), written in place before each send; the subscriber reads it back from the delivered
/// CloudEvent's <c>data</c> to measure publish-to-delivery latency.
/// </summary>
internal static class Payload
{
    public const int StampDigits = 20;

    /// <summary>What precedes the stamp; the subscriber searches the delivered body for it.</summary>
    public static ReadOnlySpan<byte> StampPrefix => "\"t\":\""u8;

    private const string Skeleton = "{\"t\":\"00000000000000000000\",\"pad\":\"\"}";

    public static int MinimumSize => Skeleton.Length;

    /// <summary>The payload bytes of <paramref name="size"/> bytes with a zero stamp.</summary>
    public static byte[] Create(int size)
    {
        if (size < MinimumSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"--payload must be at least {MinimumSize} bytes (the stamp and its JSON).");
        }

        var pad = new string('x', size - MinimumSize);
        return Encoding.UTF8.GetBytes($"{{\"t\":\"{new string('0', StampDigits)}\",\"pad\":\"{pad}\"}}");
    }

    /// <summary>Every offset in <paramref name="bytes"/> where a stamp's digits start.</summary>
    public static int[] StampOffsets(ReadOnlySpan<byte> bytes)
    {
        var offsets = new List<int>();
        var from = 0;
        int found;
        while ((found = bytes[from..].IndexOf(StampPrefix)) >= 0)
        {
            offsets.Add(from + found + StampPrefix.Length);
            from += found + StampPrefix.Length;
        }

        return [.. offsets];
    }

    /// <summary>Writes <paramref name="stamp"/> as 20 decimal digits at each offset.</summary>
    public static void Write(Span<byte> bytes, int[] offsets, long stamp)
    {
        foreach (var offset in offsets)
        {
            var value = (ulong)stamp;
            for (var i = StampDigits - 1; i >= 0; i--)
            {
                bytes[offset + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
        }
    }

    /// <summary>Reads the first stamp in <paramref name="body"/>, or null when there is none.</summary>
    public static long? Read(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf(StampPrefix);
        if (at < 0 || body.Length < at + StampPrefix.Length + StampDigits)
        {
            return null;
        }

        ulong value = 0;
        foreach (var digit in body.Slice(at + StampPrefix.Length, StampDigits))
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            value = (value * 10) + (ulong)(digit - '0');
        }

        return (long)value;
    }

    /// <summary>A bulk publish body: a JSON array of <paramref name="entries"/> entries, each carrying <paramref name="payload"/>.</summary>
    public static byte[] Bulk(byte[] payload, int entries)
    {
        var builder = new StringBuilder("[");
        var json = Encoding.UTF8.GetString(payload);
        for (var i = 0; i < entries; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("{\"entryId\":\"").Append(i).Append("\",\"event\":").Append(json).Append(",\"contentType\":\"application/json\"}");
        }

        return Encoding.UTF8.GetBytes(builder.Append(']').ToString());
    }
}
