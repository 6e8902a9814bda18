using System.Text;

namespace Gateway.Delivery;

/// <summary>
/// Message metadata as delivery headers, the way Dapr forwards it: every entry becomes a header with a
/// Go-canonical name (<c>pubsubName</c> → <c>Pubsubname</c>); content headers, hop-by-hop headers, gRPC
/// binary keys, and names or values HTTP cannot carry are left out.
/// </summary>
internal static class DeliveryHeaders
{
    private static readonly HashSet<string> Excluded = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "connection", "keep-alive", "proxy-connection", "transfer-encoding",
        "upgrade", "te", "trailer", "host", "traceparent", "tracestate",
    };

    public static List<KeyValuePair<string, string>> FromMetadata(IReadOnlyDictionary<string, string> metadata, string pubsubName)
    {
        var headers = new List<KeyValuePair<string, string>>(metadata.Count + 1);
        foreach (var (key, value) in metadata)
        {
            if (Excluded.Contains(key) || key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase) || !IsToken(key) || !IsFieldValue(value))
            {
                continue;
            }

            headers.Add(new(Canonical(key), value));
        }

        headers.RemoveAll(header => header.Key == "Pubsubname");
        headers.Add(new("Pubsubname", pubsubName));
        return headers;
    }

    /// <summary>A copy of <paramref name="headers"/> whose trace headers carry another span's context.</summary>
    public static List<KeyValuePair<string, string>> WithTraceContext(List<KeyValuePair<string, string>> headers, string traceParent, string? traceState)
    {
        var copy = new List<KeyValuePair<string, string>>(headers.Count + 1);
        copy.AddRange(headers.Where(header => header.Key is not ("traceparent" or "tracestate")));
        copy.Add(new("traceparent", traceParent));
        if (!string.IsNullOrEmpty(traceState))
        {
            copy.Add(new("tracestate", traceState));
        }

        return copy;
    }

    /// <summary>Go's <c>http.CanonicalHeaderKey</c> of the lower-cased key.</summary>
    internal static string Canonical(string key)
    {
        var builder = new StringBuilder(key.Length);
        var upper = true;
        foreach (var c in key)
        {
            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = c == '-';
        }

        return builder.ToString();
    }

    private static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c > 0x7E || c <= 0x20 || "\"(),/:;<=>?@[\\]{}".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFieldValue(string value)
    {
        foreach (var c in value)
        {
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF)
            {
                return false;
            }
        }

        return true;
    }
}
