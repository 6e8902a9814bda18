namespace Gateway.Resources;

/// <summary>A declarative <c>Subscription</c> (<c>dapr.io/v2alpha1</c> or <c>dapr.io/v1alpha1</c>).</summary>
/// <param name="ApiVersion">The apiVersion it was written in.</param>
/// <param name="PubsubName"><c>spec.pubsubname</c>: a Component in the same namespace.</param>
/// <param name="Topic"><c>spec.topic</c>.</param>
/// <param name="Rules">
/// <c>spec.routes.rules</c> in order, then one fallback rule with a null match for
/// <c>spec.routes.default</c> (v2alpha1) or <c>spec.route</c> (v1alpha1) when that is set.
/// Empty when no route was given: every message then matches no route.
/// </param>
/// <param name="DeadLetterTopic"><c>spec.deadLetterTopic</c>, or null.</param>
/// <param name="Metadata"><c>spec.metadata</c>, passed to the driver when subscribing.</param>
/// <param name="BulkSubscribe"><c>spec.bulkSubscribe</c>, or null when absent.</param>
/// <param name="Scopes">App IDs the subscription applies to; empty means every app.</param>
internal sealed record SubscriptionSpec(
    string Name,
    string Namespace,
    string ApiVersion,
    string PubsubName,
    string Topic,
    IReadOnlyList<RouteRuleSpec> Rules,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata,
    BulkSubscribeSpec? BulkSubscribe,
    IReadOnlyList<string> Scopes,
    ResourceLocation Location);
