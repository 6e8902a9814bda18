using System.Text.Json;
using Gateway.Resources;
using Gateway.Routing;

namespace Gateway.Subscriptions;

/// <summary>
/// Reads an app's <c>GET /dapr/subscribe</c> answer (Dapr's programmatic subscriptions, https://docs.dapr.io/developing-applications/building-blocks/pubsub/subscription-methods/): a JSON array of
/// subscriptions, field names in any case. Rules are <c>routes.rules</c> in order, then one fallback:
/// <c>routes.default</c>, else <c>route</c>. An item with no route at all is dropped with a warning; a
/// match that does not compile, or a body that is not such an array, fails the whole answer.
/// </summary>
internal static class ProgrammaticSubscriptionParser
{
    public static bool TryParse(ReadOnlySpan<byte> body, string @namespace, out List<SubscriptionDefinition> definitions, out List<string> warnings, out string error)
    {
        definitions = [];
        warnings = [];
        error = "";
        if (body.Trim((byte)' ').IsEmpty)
        {
            return true;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = $"the answer is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an array of subscriptions";
                return false;
            }

            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (!TryReadItem(item, index, @namespace, out var definition, out error))
                {
                    return false;
                }

                if (definition is null)
                {
                    warnings.Add($"subscription [{index}] has no route or routes and is ignored");
                }
                else
                {
                    definitions.Add(definition);
                }

                index++;
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = $"the answer is not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryReadItem(JsonElement item, int index, string @namespace, out SubscriptionDefinition? definition, out string error)
    {
        definition = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"subscription [{index}] is not a JSON object";
            return false;
        }

        var pubsub = String(item, "pubsubname");
        var topic = String(item, "topic");
        if (string.IsNullOrEmpty(pubsub) || string.IsNullOrEmpty(topic))
        {
            error = $"subscription [{index}] needs 'pubsubname' and 'topic'";
            return false;
        }

        var deadLetter = String(item, "deadLetterTopic");
        foreach (var (field, name) in new[] { ("topic", topic), ("deadLetterTopic", deadLetter) })
        {
            if (name is not null && TopicNames.Problem(name) is { } topicProblem)
            {
                error = $"subscription [{index}]: '{field}' cannot be used: {topicProblem}";
                return false;
            }
        }

        var rules = new List<SubscriptionRule>();
        var routes = Property(item, "routes");
        if (routes is { ValueKind: JsonValueKind.Object } routesObject && Property(routesObject, "rules") is { ValueKind: JsonValueKind.Array } ruleArray)
        {
            foreach (var rule in ruleArray.EnumerateArray())
            {
                rules.Add(new SubscriptionRule(String(rule, "match"), String(rule, "path") ?? ""));
            }
        }

        var fallback = routes is { ValueKind: JsonValueKind.Object } withDefault && String(withDefault, "default") is { Length: > 0 } defaultPath
            ? defaultPath
            : String(item, "route");
        if (!string.IsNullOrEmpty(fallback))
        {
            rules.Add(new SubscriptionRule(null, fallback));
        }

        if (rules.Count == 0)
        {
            error = "";
            return true;
        }

        if (!RouteTable.TryCreate([.. rules.Select(rule => (rule.Match, rule.Path))], out _, out var routeError))
        {
            error = $"subscription [{index}] to topic '{topic}': {routeError}";
            return false;
        }

        if (!TryReadMetadata(item, index, out var metadata, out error))
        {
            return false;
        }

        if (!TryReadBulkSubscribe(item, index, out var bulk, out error))
        {
            return false;
        }

        definition = new SubscriptionDefinition(null, @namespace, pubsub, topic, rules, string.IsNullOrEmpty(deadLetter) ? null : deadLetter,
            metadata, [], SubscriptionType.Programmatic)
        {
            BulkSubscribe = bulk,
        };
        return true;
    }

    /// <summary>
    /// <c>bulkSubscribe: {enabled, maxMessagesCount, maxAwaitDurationMs}</c>; absent counts (or 0, as Dapr
    /// reads them) take the defaults. A field of the wrong JSON type fails the answer, as Go's decoder does.
    /// </summary>
    private static bool TryReadBulkSubscribe(JsonElement item, int index, out BulkSubscribeOptions? bulk, out string error)
    {
        bulk = null;
        error = "";
        if (Property(item, "bulkSubscribe") is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            error = $"subscription [{index}]: 'bulkSubscribe' must be an object";
            return false;
        }

        bool? enabled = Property(value, "enabled") switch
        {
            null or { ValueKind: JsonValueKind.Null } => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => null,
        };
        if (enabled is null)
        {
            error = $"subscription [{index}]: 'bulkSubscribe.enabled' must be true or false";
            return false;
        }

        if (!TryReadCount(value, "maxMessagesCount", index, out var maxMessages, out error)
            || !TryReadCount(value, "maxAwaitDurationMs", index, out var maxAwait, out error))
        {
            return false;
        }

        bulk = BulkSubscribeOptions.Create(enabled.Value, maxMessages is 0 ? null : maxMessages, maxAwait is 0 ? null : maxAwait);
        return true;
    }

    private static bool TryReadCount(JsonElement bulk, string name, int index, out int? count, out string error)
    {
        count = null;
        error = "";
        switch (Property(bulk, name))
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return true;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var parsed):
                count = parsed;
                return true;
            default:
                error = $"subscription [{index}]: 'bulkSubscribe.{name}' must be a whole number";
                return false;
        }
    }

    private static bool TryReadMetadata(JsonElement item, int index, out Dictionary<string, string> metadata, out string error)
    {
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        error = "";
        if (Property(item, "metadata") is not { ValueKind: JsonValueKind.Object } values)
        {
            return true;
        }

        foreach (var pair in values.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String)
            {
                error = $"subscription [{index}]: metadata '{pair.Name}' must be a string";
                return false;
            }

            metadata[pair.Name] = pair.Value.GetString()!;
        }

        return true;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
