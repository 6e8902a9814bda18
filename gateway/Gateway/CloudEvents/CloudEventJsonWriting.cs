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

    /// <summary>
    /// When <paramref name="utf8"/> is exactly one JSON value (surrounding whitespace allowed), returns its
    /// text verbatim, so numbers keep their full precision (637831415180045507 stays exact).
    /// </summary>
    public static bool TryGetJsonValueText(ReadOnlySpan<byte> utf8, out string json)
    {
        json = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            json = document.RootElement.GetRawText();
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
}
