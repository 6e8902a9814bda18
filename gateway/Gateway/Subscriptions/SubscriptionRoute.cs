using Gateway.Publishing;

namespace Gateway.Subscriptions;

/// <summary><c>/v1.0-alpha1/subscriptions/{pubsub}/{topic...}</c>, split and unescaped like publish paths.</summary>
internal static class SubscriptionRoute
{
    public static (string Pubsub, string Topic)? Match(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = PublishRoute.CleanPath(queryStart < 0 ? rawTarget : rawTarget[..queryStart]);
        var prefix = RuntimeSubscriptionEndpoint.Prefix + "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1
            || !QueryEscaping.TryUnescape(rest[..slash], out var pubsub) || !QueryEscaping.TryUnescape(rest[(slash + 1)..], out var topic))
        {
            return null;
        }

        return (pubsub, topic);
    }
}
