namespace Gateway.Publishing;

/// <summary>The <c>rawPayload</c> publish metadata: exact-case key, Go boolean syntax.</summary>
internal static class RawPayload
{
    public const string Key = "rawPayload";

    /// <summary>False when the key is present but not a Go boolean; <paramref name="value"/> then holds it.</summary>
    public static bool TryRead(IReadOnlyDictionary<string, string> metadata, out bool raw, out string value)
    {
        raw = false;
        if (!metadata.TryGetValue(Key, out value!))
        {
            value = "";
            return true;
        }

        return PublishQuery.TryParseGoBool(value, out raw);
    }
}
