namespace Gateway.Scopes;

/// <summary>The top-level <c>scopes</c> list of a Component or Subscription resource.</summary>
public static class ResourceScopes
{
    /// <summary>
    /// True when a resource with this <c>scopes</c> list applies to <paramref name="appId"/>.
    /// An absent (null) or empty list applies to every app; otherwise the app ID must appear in the
    /// list exactly (ordinal, case-sensitive, no trimming).
    /// </summary>
    public static bool AppliesTo(IReadOnlyList<string>? scopes, string appId)
    {
        ArgumentNullException.ThrowIfNull(appId);
        if (scopes is null || scopes.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < scopes.Count; i++)
        {
            if (string.Equals(scopes[i], appId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
