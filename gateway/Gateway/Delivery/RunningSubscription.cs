using Gateway.Drivers;

namespace Gateway.Delivery;

/// <summary>What the manager keeps per (app, pubsub, topic): the definition it started, and the driver's handle.</summary>
internal sealed record RunningSubscription(string Fingerprint, SubscriptionStatus Status, ISubscription? Handle);
