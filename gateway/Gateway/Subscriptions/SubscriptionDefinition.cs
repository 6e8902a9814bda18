using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>A subscription as declared, whatever declared it.</summary>
/// <param name="Name">The resource name, when a resource declared it.</param>
/// <param name="Namespace">The namespace it lives in.</param>
/// <param name="PubsubName">The component it reads from.</param>
/// <param name="Topic">The topic, as apps name it.</param>
/// <param name="Rules">Routing rules in order; the last one usually has no match (the default route).</param>
/// <param name="DeadLetterTopic">Where messages go when they cannot be delivered, or null.</param>
/// <param name="Metadata">Subscription metadata (for example <c>rawPayload</c>).</param>
/// <param name="Scopes">App IDs it applies to; empty means every app.</param>
/// <param name="Type">Where it came from.</param>
internal sealed record SubscriptionDefinition(
    string? Name,
    string Namespace,
    string PubsubName,
    string Topic,
    IReadOnlyList<SubscriptionRule> Rules,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string> Scopes,
    SubscriptionType Type)
{
    public static SubscriptionDefinition FromSpec(SubscriptionSpec spec) => new(
        spec.Name,
        spec.Namespace,
        spec.PubsubName,
        spec.Topic,
        spec.Rules.Select(rule => new SubscriptionRule(rule.Match, rule.Path)).ToList(),
        string.IsNullOrEmpty(spec.DeadLetterTopic) ? null : spec.DeadLetterTopic,
        spec.Metadata,
        spec.Scopes,
        SubscriptionType.Declarative)
    {
        BulkSubscribe = BulkSubscribeOptions.FromSpec(spec.BulkSubscribe),
    };

    /// <summary>Batched delivery settings (<c>bulkSubscribe</c>), or null when not declared.</summary>
    public BulkSubscribeOptions? BulkSubscribe { get; init; }

    /// <summary>Everything that decides delivery, as one string: two definitions with the same fingerprint deliver the same way.</summary>
    public string Fingerprint => System.Text.Json.JsonSerializer.Serialize(new
    {
        PubsubName,
        Topic,
        Rules = Rules.Select(rule => new[] { rule.Match, rule.Path }),
        DeadLetterTopic,
        Metadata = Metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new[] { pair.Key, pair.Value }),
        Type = Type.ToString(),
        BulkSubscribe,
    });

    /// <summary>
    /// The subscription's <c>rawPayload</c>, read as Go's ParseBool after stripping the quotes the Dapr
    /// JS SDK adds (it sends <c>"\"true\""</c>). Null when the value is not a boolean.
    /// </summary>
    public bool? RawPayload
    {
        get
        {
            var value = Metadata.FirstOrDefault(pair => string.Equals(pair.Key, "rawPayload", StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null)
            {
                return false;
            }

            return Publishing.PublishQuery.TryParseGoBool(value.Trim('"'), out var raw) ? raw : null;
        }
    }
}
