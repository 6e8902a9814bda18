namespace Gateway.Drivers;

/// <summary>Component metadata keys that the gateway itself reads; drivers ignore them.</summary>
public static class RuntimeMetadataKeys
{
    public const string PublishingScopes = "publishingScopes";
    public const string SubscriptionScopes = "subscriptionScopes";
    public const string AllowedTopics = "allowedTopics";
    public const string ProtectedTopics = "protectedTopics";
    public const string ConsumerId = "consumerID";

    /// <summary>All of the above. Compared case-insensitively, as Dapr does.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        [PublishingScopes, SubscriptionScopes, AllowedTopics, ProtectedTopics, ConsumerId],
        StringComparer.OrdinalIgnoreCase);
}
