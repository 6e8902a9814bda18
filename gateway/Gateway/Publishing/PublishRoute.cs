namespace Gateway.Publishing;

/// <summary>Which publish API a request path names.</summary>
internal enum PublishRouteKind
{
    Single,
    Bulk,
}

/// <summary>
/// A publish request path split the way Dapr's router splits it (Dapr's publish API, https://docs.dapr.io/reference/api/pubsub_api/): the
/// escaped path is cleaned first (duplicate slashes, dot segments, trailing slash), then the pubsub
/// name and the topic (everything after the pubsub name, slashes included) are unescaped with
/// query rules, so <c>%2F</c> is a slash inside the topic and <c>+</c> is a space.
/// </summary>
internal sealed record PublishRoute(PublishRouteKind Kind, string PubsubName, string Topic)
{
    private static readonly (string Prefix, PublishRouteKind Kind)[] Prefixes =
    [
        ("/v1.0-alpha1/publish/bulk/", PublishRouteKind.Bulk),
        ("/v1.0/publish/bulk/", PublishRouteKind.Bulk),
        ("/v1.0/publish/", PublishRouteKind.Single),
    ];

    /// <summary>Splits a raw request target (path and optional query). Null when no publish route matches.</summary>
    public static PublishRoute? Match(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = CleanPath(queryStart < 0 ? rawTarget : rawTarget[..queryStart]);
        foreach (var (prefix, kind) in Prefixes)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == rest.Length - 1)
            {
                // Like Dapr's router, a path that does not fit the bulk route is tried as a single
                // publish: /v1.0/publish/bulk/orders publishes to topic 'orders' of pubsub 'bulk'.
                continue;
            }

            if (!QueryEscaping.TryUnescape(rest[..slash], out var pubsub) ||
                !QueryEscaping.TryUnescape(rest[(slash + 1)..], out var topic))
            {
                return null;
            }

            return new PublishRoute(kind, pubsub, topic);
        }

        return null;
    }

    /// <summary>Go's <c>path.Clean</c> for an absolute path.</summary>
    internal static string CleanPath(string path)
    {
        if (IsClean(path))
        {
            return path;
        }

        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (output.Count > 0)
                    {
                        output.RemoveAt(output.Count - 1);
                    }

                    continue;
                default:
                    output.Add(segment);
                    break;
            }
        }

        return "/" + string.Join('/', output);
    }

    /// <summary>True when <see cref="CleanPath"/> would return the path unchanged (the usual case, checked without allocating).</summary>
    private static bool IsClean(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        if (path.Length == 1)
        {
            return true;
        }

        if (path[^1] == '/')
        {
            return false;
        }

        var rest = path.AsSpan(1);
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            rest = rest[(slash + 1)..];
        }
    }
}
