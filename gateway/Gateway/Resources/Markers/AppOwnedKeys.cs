namespace Gateway.Resources.Markers;

/// <summary>
/// The metadata keys whose value belongs to the subscribing app, not to the gateway process: the consumer
/// group. Their markers are replaced per app when a subscription starts (so <c>consumerID: "{appID}"</c> gives
/// each app its own group, as each Dapr sidecar has), and drivers never read them.
/// </summary>
internal static class AppOwnedKeys
{
    public const string ConsumerGroup = "consumerGroup";
    public const string ConsumerId = "consumerID";

    /// <summary>The keys in the order they are read: <c>consumerGroup</c> (Kafka's) wins over <c>consumerID</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [ConsumerGroup, ConsumerId];

    /// <summary>True for a key of <see cref="All"/>, in any case (Dapr matches metadata names ignoring case).</summary>
    public static bool Contains(string name) => All.Any(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first non-blank value of <see cref="All"/> in <paramref name="metadata"/>, trimmed, as written (markers unresolved); null when none.</summary>
    public static string? GroupTemplate(IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var pairs = metadata as IReadOnlyCollection<KeyValuePair<string, string>> ?? [.. metadata];
        foreach (var key in All)
        {
            foreach (var (name, value) in pairs)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }
        }

        return null;
    }
}
