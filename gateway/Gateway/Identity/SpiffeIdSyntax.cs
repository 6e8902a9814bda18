namespace Gateway.Identity;

/// <summary>
/// The SPIFFE ID grammar as go-spiffe v2 enforces it (without its back-compat charset), plus the
/// length limits of the SPIFFE-ID standard. Error strings and their precedence are go-spiffe's, so a
/// rejection reads the same here as in the reference implementation.
/// </summary>
internal static class SpiffeIdSyntax
{
    /// <summary>The only accepted prefix; compared ordinally, so <c>SPIFFE://</c> is rejected.</summary>
    public const string SchemePrefix = "spiffe://";

    /// <summary>Longest SPIFFE ID accepted, in bytes (the standard's "MUST support up to 2048").</summary>
    public const int MaxIdLength = 2048;

    /// <summary>Longest trust domain accepted, in bytes (RFC 3986 host limit the standard refers to).</summary>
    public const int MaxTrustDomainLength = 255;

    public const string Empty = "cannot be empty";
    public const string WrongScheme = "scheme is missing or invalid";
    public const string MissingTrustDomain = "trust domain is missing";
    public const string BadTrustDomainChar =
        "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores";
    public const string BadPathSegmentChar =
        "path segment characters are limited to letters, numbers, dots, dashes, and underscores";
    public const string EmptySegment = "path cannot contain empty segments";
    public const string DotSegment = "path cannot contain dot segments";
    public const string TrailingSlash = "path cannot have a trailing slash";
    public const string TrustDomainTooLong = "trust domain cannot be longer than 255 bytes";
    public const string IdTooLong = "SPIFFE ID cannot be longer than 2048 bytes";

    /// <summary>
    /// Checks <paramref name="value"/> and splits it into trust domain and path. Returns null when valid,
    /// otherwise the first error in go-spiffe's order; the length limits (which go-spiffe lacks) come last
    /// so every go-spiffe message stays reachable exactly as there.
    /// </summary>
    public static string? Check(string? value, out string trustDomain, out string path)
    {
        trustDomain = string.Empty;
        path = string.Empty;
        if (string.IsNullOrEmpty(value))
        {
            return Empty;
        }

        if (!value.StartsWith(SchemePrefix, StringComparison.Ordinal))
        {
            return WrongScheme;
        }

        var rest = value.AsSpan(SchemePrefix.Length);
        var end = 0;
        for (; end < rest.Length && rest[end] != '/'; end++)
        {
            if (!IsTrustDomainChar(rest[end]))
            {
                return BadTrustDomainChar;
            }
        }

        if (end == 0)
        {
            return MissingTrustDomain;
        }

        var pathError = CheckPath(rest[end..]);
        if (pathError is not null)
        {
            return pathError;
        }

        // Every accepted character is ASCII, so from here on chars and bytes count the same.
        if (end > MaxTrustDomainLength)
        {
            return TrustDomainTooLong;
        }

        if (value.Length > MaxIdLength)
        {
            return IdTooLong;
        }

        trustDomain = rest[..end].ToString();
        path = rest[end..].ToString();
        return null;
    }

    /// <summary>
    /// Scans the path left to right: a bad character is reported where it is met, an empty or dot segment
    /// when the segment closes (at the next slash or the end), as go-spiffe does.
    /// </summary>
    private static string? CheckPath(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty)
        {
            return null;
        }

        var segmentStart = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '/')
            {
                var closing = ClosedSegmentError(path[segmentStart..i], atEnd: false);
                if (closing is not null)
                {
                    return closing;
                }

                segmentStart = i;
                continue;
            }

            if (!IsPathSegmentChar(c))
            {
                return BadPathSegmentChar;
            }
        }

        return ClosedSegmentError(path[segmentStart..], atEnd: true);
    }

    /// <summary><paramref name="segment"/> includes its leading slash.</summary>
    private static string? ClosedSegmentError(ReadOnlySpan<char> segment, bool atEnd)
    {
        if (segment is "/")
        {
            return atEnd ? TrailingSlash : EmptySegment;
        }

        return segment is "/." or "/.." ? DotSegment : null;
    }

    private static bool IsTrustDomainChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_';

    private static bool IsPathSegmentChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_';
}
