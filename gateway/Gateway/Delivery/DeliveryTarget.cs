using Gateway.Authentication;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Routing;
using Gateway.Subscriptions;

namespace Gateway.Delivery;

/// <summary>Everything one running subscription delivers with: whose it is, from where, to where.</summary>
internal sealed record DeliveryTarget(
    AppSpec App,
    Caller Subscriber,
    SubscriptionDefinition Definition,
    PubsubComponent Component,
    RouteTable Routes,
    AppChannel Channel);
