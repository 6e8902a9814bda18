namespace Gateway.Subscriptions;

/// <summary>Where a subscription was declared, as <c>/v1.0/metadata</c> names it.</summary>
internal enum SubscriptionType
{
    Declarative,
    Programmatic,
    Streaming,
}
