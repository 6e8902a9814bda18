namespace Gateway.Scopes;

/// <summary>
/// The four component metadata keys that control topic scoping, spelled as Dapr documents them.
/// Lookup is case-insensitive (see <see cref="MetadataKeyMatcher"/>); this spelling is the one
/// preferred when a component declares several spellings of the same key.
/// </summary>
internal static class ScopeKeys
{
    public const string PublishingScopes = "publishingScopes";
    public const string SubscriptionScopes = "subscriptionScopes";
    public const string AllowedTopics = "allowedTopics";
    public const string ProtectedTopics = "protectedTopics";

    /// <summary>All four keys, in the order they are reported in diagnostics.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PublishingScopes, SubscriptionScopes, AllowedTopics, ProtectedTopics];

    /// <summary>The per-app scope key consulted for <paramref name="operation"/>.</summary>
    public static string ForOperation(ScopeOperation operation) => operation switch
    {
        ScopeOperation.Publish => PublishingScopes,
        ScopeOperation.Subscribe => SubscriptionScopes,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown scope operation."),
    };
}
