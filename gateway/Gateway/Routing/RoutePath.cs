namespace Gateway.Routing;

/// <summary>
/// A route is a path under the app's <c>baseUrl</c>, never a place of its own: whatever declared it (YAML,
/// <c>/dapr/subscribe</c>, the runtime API), a route that names another host or scheme, or could climb out
/// of the base path once joined to it, is refused where it is declared. <c>orders</c> and <c>/orders</c> are
/// the same route, as in Dapr.
/// </summary>
internal static class RoutePath
{
    /// <summary>Why <paramref name="path"/> is not a route path; null when it is one.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
        {
            return "the path is empty";
        }

        foreach (var c in path)
        {
            if (char.IsControl(c) || c is ' ' or '\\' or '@' or '#')
            {
                return $"it contains {Describe(c)}, which a route path may not";
            }
        }

        var slashless = path.TrimStart('/');
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            return "it starts with '//', which names another host";
        }

        var firstSegment = slashless.Split('/', 2)[0];
        if (!path.StartsWith('/') && firstSegment.Contains(':', StringComparison.Ordinal))
        {
            return $"'{firstSegment}' reads as a URL scheme; routes are paths such as '/orders'";
        }

        if (slashless.Split('/').Any(segment => segment is "." or ".." || segment.Contains("%2e", StringComparison.OrdinalIgnoreCase)))
        {
            return "it has a '.' or '..' segment (or an escaped dot), which could leave the app's base path";
        }

        return null;
    }

    /// <summary>The path as it is joined to the app's base URL: with one leading '/'.</summary>
    public static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;

    private static string Describe(char c) => c switch
    {
        ' ' => "a space",
        '\\' => "a backslash",
        '@' => "'@'",
        '#' => "'#'",
        _ => $"the control character U+{(int)c:X4}",
    };
}
