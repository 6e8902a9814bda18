using Gateway.Resources;
using Gateway.Subscriptions;

namespace Gateway.Subscriptions;

/// <summary>One subscription of one app and what became of it.</summary>
internal sealed record SubscriptionStatus(AppSpec App, SubscriptionDefinition Definition, SubscriptionState State, string Reason);
