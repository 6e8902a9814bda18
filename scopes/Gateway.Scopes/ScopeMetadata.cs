namespace Gateway.Scopes;

/// <summary>
/// The raw values of the four scope keys found in a component's metadata, plus the keys that were
/// declared under more than one spelling.
/// </summary>
/// <remarks>
/// Dapr first turns the metadata list into a name-to-value map (a repeated name keeps its last
/// value) and then looks each key up case-insensitively in map order, which is random when several
/// spellings exist. Here the documented spelling wins, else the spelling declared first, so the
/// outcome is deterministic; such keys are reported in <see cref="AmbiguousKeys"/>.
/// </remarks>
internal sealed class ScopeMetadata
{
    private ScopeMetadata(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> ambiguousKeys)
    {
        PublishingScopes = values[ScopeKeys.PublishingScopes];
        SubscriptionScopes = values[ScopeKeys.SubscriptionScopes];
        AllowedTopics = values[ScopeKeys.AllowedTopics];
        ProtectedTopics = values[ScopeKeys.ProtectedTopics];
        AmbiguousKeys = ambiguousKeys;
    }

    /// <summary>The <c>publishingScopes</c> value; empty when absent.</summary>
    public string PublishingScopes { get; }

    /// <summary>The <c>subscriptionScopes</c> value; empty when absent.</summary>
    public string SubscriptionScopes { get; }

    /// <summary>The <c>allowedTopics</c> value; empty when absent.</summary>
    public string AllowedTopics { get; }

    /// <summary>The <c>protectedTopics</c> value; empty when absent.</summary>
    public string ProtectedTopics { get; }

    /// <summary>Documented spellings of the keys that appear under several spellings.</summary>
    public IReadOnlyList<string> AmbiguousKeys { get; }

    /// <summary>Reads the four keys from metadata name/value pairs in declaration order.</summary>
    public static ScopeMetadata Read(IEnumerable<KeyValuePair<string, string>> componentMetadata)
    {
        ArgumentNullException.ThrowIfNull(componentMetadata);
        var entries = componentMetadata.ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new List<string>();

        foreach (var key in ScopeKeys.All)
        {
            var spellings = LastValuePerSpelling(entries, key);
            values[key] = Choose(spellings, key);
            if (spellings.Count > 1)
            {
                ambiguous.Add(key);
            }
        }

        return new ScopeMetadata(values, ambiguous);
    }

    private static List<KeyValuePair<string, string>> LastValuePerSpelling(
        List<KeyValuePair<string, string>> entries, string key)
    {
        var spellings = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in entries)
        {
            if (name is null || !MetadataKeyMatcher.Matches(name, key))
            {
                continue;
            }

            var index = spellings.FindIndex(s => string.Equals(s.Key, name, StringComparison.Ordinal));
            var entry = new KeyValuePair<string, string>(name, value ?? string.Empty);
            if (index >= 0)
            {
                spellings[index] = entry;
            }
            else
            {
                spellings.Add(entry);
            }
        }

        return spellings;
    }

    private static string Choose(List<KeyValuePair<string, string>> spellings, string key)
    {
        if (spellings.Count == 0)
        {
            return string.Empty;
        }

        foreach (var (name, value) in spellings)
        {
            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return spellings[0].Value;
    }
}
