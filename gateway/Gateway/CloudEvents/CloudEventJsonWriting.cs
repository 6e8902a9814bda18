using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.CloudEvents;

/// <summary>Shared settings and helpers for writing CloudEvent JSON.</summary>
internal static class CloudEventJsonWriting
{
    /// <summary>
    /// Writer settings: non-ASCII text stays readable (the body is JSON sent as UTF-8, never embedded in HTML),
    /// and raw values are checked to be JSON.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // A thread's writer and buffer are kept for its next document unless the buffer grew past this; one large
    // document must not pin its memory to a thread for the life of the process.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Writes one JSON document with <paramref name="write"/> and returns exactly its bytes. The writer and its
    /// buffer are reused by the thread's next document (a publish writes its envelope without allocating either),
    /// so <paramref name="write"/> must be synchronous; a nested call gets a writer of its own.
    /// </summary>
    public static byte[] ToArray<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(1024);
        var writer = t_writer;
        (t_buffer, t_writer) = (null, null);
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity <= KeptBufferBytes)
            {
                (t_buffer, t_writer) = (buffer, writer);
            }
        }
    }

    /// <summary>
    /// When <paramref name="utf8"/> is exactly one JSON value (surrounding whitespace allowed, under the same
    /// rules as <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>), gives where that
    /// value's text is, so it can be written verbatim: numbers keep their full precision (637831415180045507
    /// stays exact) and nothing is decoded or copied to find out.
    /// </summary>
    public static bool TryFindJsonValue(ReadOnlySpan<byte> utf8, out Range value)
    {
        value = default;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions());
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var end = (int)reader.BytesConsumed;

            // Anything but whitespace after the value (a second value, a comment) makes the reader throw.
            if (reader.Read())
            {
                return false;
            }

            value = start..end;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="json"/> as a property value without re-encoding it.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, string name, string json)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>Writes <paramref name="utf8Json"/>, already checked to be one JSON value, as a property value.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> utf8Json)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(utf8Json, skipInputValidation: true);
    }
}
