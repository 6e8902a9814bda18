using Gateway.Authentication;
using Gateway.Pubsub;
using Gateway.Subscriptions;

namespace Gateway.Metadata;

/// <summary>One caller's metadata, read once, for a front door to write in its own wire format.</summary>
/// <param name="Caller">Who asked.</param>
/// <param name="Components">The pubsub components that exist for the caller.</param>
/// <param name="Subscriptions">The caller's subscriptions in listing order.</param>
internal sealed record CallerMetadataView(Caller Caller, IReadOnlyList<PubsubComponent> Components, IReadOnlyList<SubscriptionDefinition> Subscriptions);
