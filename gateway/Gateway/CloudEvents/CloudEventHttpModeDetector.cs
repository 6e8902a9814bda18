namespace Gateway.CloudEvents;

/// <summary>Mode detection by Content-Type (H3), case-insensitive.</summary>
internal static class CloudEventHttpModeDetector
{
    /// <summary>
    /// <c>application/cloudevents-batch…</c> → batched; otherwise <c>application/cloudevents…</c> →
    /// structured; anything else (or no Content-Type) → binary. Binary mode only means "a CloudEvent if the
    /// required <c>ce-</c> headers are there" (H4); see <see cref="BinaryModeReader"/>.
    /// </summary>
    public static CloudEventHttpMode Detect(string? contentType)
    {
        string trimmed = contentType?.TrimStart() ?? string.Empty;
        if (trimmed.StartsWith("application/cloudevents-batch", StringComparison.OrdinalIgnoreCase))
        {
            return CloudEventHttpMode.Batched;
        }

        return trimmed.StartsWith("application/cloudevents", StringComparison.OrdinalIgnoreCase)
            ? CloudEventHttpMode.Structured
            : CloudEventHttpMode.Binary;
    }
}
