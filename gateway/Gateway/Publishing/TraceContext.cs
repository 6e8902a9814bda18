namespace Gateway.Publishing;

/// <summary>The W3C trace context a publish request carries, as the CloudEvent's trace attributes.</summary>
internal static class TraceContext
{
    /// <summary>The request's <c>traceparent</c> when it is well-formed W3C (version 00), else "".</summary>
    public static string TraceParent(HttpRequest request)
    {
        var value = request.Headers["traceparent"].ToString();
        return IsValidTraceParent(value) ? value : "";
    }

    /// <summary>The request's <c>tracestate</c>, only when a valid traceparent came with it.</summary>
    public static string TraceState(HttpRequest request) =>
        TraceParent(request).Length == 0 ? "" : request.Headers["tracestate"].ToString();

    internal static bool IsValidTraceParent(string value)
    {
        // 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>, lower-case, ids not all zero.
        if (value.Length != 55 || value[2] != '-' || value[35] != '-' || value[52] != '-' || !value.StartsWith("00", StringComparison.Ordinal))
        {
            return false;
        }

        var traceId = value.AsSpan(3, 32);
        var parentId = value.AsSpan(36, 16);
        return IsLowerHex(traceId) && IsLowerHex(parentId) && IsLowerHex(value.AsSpan(53, 2))
            && traceId.IndexOfAnyExcept('0') >= 0 && parentId.IndexOfAnyExcept('0') >= 0;
    }

    private static bool IsLowerHex(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
