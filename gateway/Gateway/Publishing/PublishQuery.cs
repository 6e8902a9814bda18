namespace Gateway.Publishing;

/// <summary>
/// The <c>metadata.*</c> query parameters of a publish (Dapr's publish API, https://docs.dapr.io/reference/api/pubsub_api/): the prefix is exact
/// and case-sensitive, the rest of the key keeps its case, and only the first value of a repeated
/// parameter counts. Other parameters are ignored.
/// </summary>
internal static class PublishQuery
{
    private const string Prefix = "metadata.";

    public static Dictionary<string, string> ReadMetadata(string rawTarget)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return metadata;
        }

        foreach (var pair in rawTarget[(queryStart + 1)..].Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals < 0 ? pair : pair[..equals];
            var rawValue = equals < 0 ? "" : pair[(equals + 1)..];
            if (!QueryEscaping.TryUnescape(rawKey, out var key) || !QueryEscaping.TryUnescape(rawValue, out var value))
            {
                continue;
            }

            if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length > Prefix.Length)
            {
                metadata.TryAdd(key[Prefix.Length..], value);
            }
        }

        return metadata;
    }

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    public static bool TryParseGoBool(string value, out bool result)
    {
        switch (value)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                result = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }
}
