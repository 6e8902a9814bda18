using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads the <c>spec</c> of a declarative <c>Subscription</c>, v2alpha1 or v1alpha1.</summary>
internal static class SubscriptionParser
{
    public const string V2Alpha1 = "dapr.io/v2alpha1";
    public const string V1Alpha1 = "dapr.io/v1alpha1";

    private static readonly string[] V2SpecFields = ["pubsubname", "topic", "routes", "deadLetterTopic", "metadata", "bulkSubscribe"];
    private static readonly string[] V1SpecFields = ["pubsubname", "topic", "route", "deadLetterTopic", "metadata", "bulkSubscribe"];
    private static readonly string[] RoutesFields = ["rules", "default"];
    private static readonly string[] RuleFields = ["match", "path"];
    private static readonly string[] BulkFields = ["enabled", "maxMessagesCount", "maxAwaitDurationMs"];

    public static SubscriptionSpec? Parse(ResourceHeader header, string apiVersion)
    {
        var isV2 = apiVersion == V2Alpha1;
        var spec = header.Spec(isV2 ? V2SpecFields : V1SpecFields, "add 'spec:' with 'pubsubname:', 'topic:' and routes");
        if (spec is null)
        {
            return null;
        }

        var pubsubName = spec.RequiredString("pubsubname", "set it to the name of a pub/sub Component");
        var topic = spec.RequiredString("topic", "set it to the topic to receive");
        var rules = isV2 ? ReadRoutes(spec) : ReadFallback(spec, "route", []);
        if (rules.Count == 0)
        {
            var field = isV2 ? "spec.routes" : "spec.route";
            spec.Context.Warning(spec.Line, $"the subscription has no route, so every message will be dropped; set '{field}'");
        }

        var deadLetterTopic = spec.String("deadLetterTopic") is { Length: > 0 } deadLetter ? deadLetter : null;
        var metadata = spec.StringMap("metadata");
        var bulk = ReadBulkSubscribe(spec);
        if (header.Name is null || pubsubName is null || topic is null)
        {
            return null;
        }

        return new SubscriptionSpec(header.Name, header.Namespace, apiVersion, pubsubName, topic, rules, deadLetterTopic, metadata, bulk, header.Scopes, header.Location);
    }

    private static IReadOnlyList<RouteRuleSpec> ReadRoutes(MappingReader spec)
    {
        if (spec.Mapping("routes", RoutesFields) is not { } routes)
        {
            return [];
        }

        var rules = new List<RouteRuleSpec>();
        if (routes.Sequence("rules") is { } sequence)
        {
            for (var index = 0; index < sequence.Children.Count; index++)
            {
                var path = $"{routes.PathOf("rules")}[{index}]";
                if (sequence.Children[index] is not YamlMappingNode node)
                {
                    spec.Context.Error(sequence.Children[index], $"'{path}' must be a mapping with 'match' and 'path', but {YamlValues.Describe(sequence.Children[index])} was given");
                    continue;
                }

                var rule = new MappingReader(node, path, spec.Context, RuleFields);
                var match = rule.String("match") ?? string.Empty;
                if (rule.RequiredString("path", "set it to the app path that receives matching events, such as /orders") is { } target)
                {
                    rules.Add(new RouteRuleSpec(match, target));
                }
            }
        }

        return ReadFallback(routes, "default", rules);
    }

    private static IReadOnlyList<RouteRuleSpec> ReadFallback(MappingReader reader, string field, List<RouteRuleSpec> rules)
    {
        if (reader.String(field) is { Length: > 0 } fallback)
        {
            rules.Add(new RouteRuleSpec(null, fallback));
        }

        return rules;
    }

    private static BulkSubscribeSpec? ReadBulkSubscribe(MappingReader spec)
    {
        if (spec.Mapping("bulkSubscribe", BulkFields) is not { } bulk)
        {
            return null;
        }

        return new BulkSubscribeSpec(
            bulk.Bool("enabled") ?? false,
            bulk.Int("maxMessagesCount", minimum: 1) ?? BulkSubscribeSpec.DefaultMaxMessagesCount,
            bulk.Int("maxAwaitDurationMs", minimum: 0) ?? BulkSubscribeSpec.DefaultMaxAwaitDurationMs);
    }
}
