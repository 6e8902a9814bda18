using System.Net;
using System.Net.Sockets;

namespace Gateway.CloudEvents;

/// <summary>
/// RFC 3986 recognizer for the CloudEvents URI and URI-reference types (rule C7), written from the
/// RFC's ABNF because <see cref="Uri"/> accepts references the grammar forbids (<c>:colon-start</c>,
/// <c>[open-bracket-start</c>) and rejects some it allows.
/// </summary>
/// <remarks>
/// Only ASCII is accepted (IRIs are not URIs). IPv6 zone identifiers (RFC 6874) are rejected.
/// <see cref="IsAbsoluteUri"/> requires a scheme but, unlike RFC 3986 §4.3, tolerates a fragment:
/// schema identifiers such as <c>https://example.com/schema.json#v1</c> are common and harmless.
/// </remarks>
internal static class UriGrammar
{
    private const string SubDelimiters = "!$&'()*+,;=";

    /// <summary>RFC 3986 §4.1 <c>URI-reference</c>: a URI or a relative reference (the empty string included).</summary>
    public static bool IsUriReference(string text) => Check(text, requireScheme: false);

    /// <summary>A URI with a scheme (RFC 3986 §3), fragment allowed.</summary>
    public static bool IsAbsoluteUri(string text) => Check(text, requireScheme: true);

    private static bool Check(string text, bool requireScheme)
    {
        string rest = text;
        int hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!AllPathChars(rest[(hash + 1)..], "/?"))
            {
                return false;
            }

            rest = rest[..hash];
        }

        int question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!AllPathChars(rest[(question + 1)..], "/?"))
            {
                return false;
            }

            rest = rest[..question];
        }

        int schemeEnd = SchemeLength(rest);
        if (schemeEnd > 0)
        {
            return CheckHierarchicalPart(rest[(schemeEnd + 1)..]);
        }

        if (requireScheme)
        {
            return false;
        }

        // path-noscheme: the first segment of a relative path must not contain ':'.
        int firstSlash = rest.IndexOf('/');
        string firstSegment = firstSlash < 0 ? rest : rest[..firstSlash];
        return !firstSegment.Contains(':') && CheckHierarchicalPart(rest);
    }

    /// <summary>Length of a leading <c>scheme</c> followed by ':'; 0 when there is none.</summary>
    private static int SchemeLength(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            return 0;
        }

        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ':')
            {
                return i;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }

    private static bool CheckHierarchicalPart(string part)
    {
        if (!part.StartsWith("//", StringComparison.Ordinal))
        {
            return AllPathChars(part, "/");
        }

        string afterSlashes = part[2..];
        int pathStart = afterSlashes.IndexOf('/');
        string authority = pathStart < 0 ? afterSlashes : afterSlashes[..pathStart];
        string path = pathStart < 0 ? string.Empty : afterSlashes[pathStart..];
        return CheckAuthority(authority) && AllPathChars(path, "/");
    }

    private static bool CheckAuthority(string authority)
    {
        int at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!AllChars(authority[..at], ":"))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            if (close < 0 || !IsIpLiteral(authority[1..close]))
            {
                return false;
            }

            host = string.Empty;
            string tail = authority[(close + 1)..];
            if (tail.Length > 0)
            {
                if (tail[0] != ':')
                {
                    return false;
                }

                port = tail[1..];
            }
        }
        else
        {
            int colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
        }

        return AllChars(host, string.Empty) && (port is null || port.All(char.IsAsciiDigit));
    }

    private static bool IsIpLiteral(string literal)
    {
        if (literal.Length > 0 && (literal[0] == 'v' || literal[0] == 'V'))
        {
            int dot = literal.IndexOf('.');
            return dot > 1 && literal[1..dot].All(char.IsAsciiHexDigit)
                && dot < literal.Length - 1 && AllChars(literal[(dot + 1)..], ":", allowPercent: false);
        }

        return !literal.Contains('%')
            && literal.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            && IPAddress.TryParse(literal, out var address)
            && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary><c>pchar</c> plus the given extra characters.</summary>
    private static bool AllPathChars(string text, string extra) => AllChars(text, ":@" + extra);

    /// <summary>unreserved / pct-encoded / sub-delims, plus the given extra characters.</summary>
    private static bool AllChars(string text, string extra, bool allowPercent = true)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '%' && allowPercent)
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsUnreserved(c) && !SubDelimiters.Contains(c) && !extra.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
