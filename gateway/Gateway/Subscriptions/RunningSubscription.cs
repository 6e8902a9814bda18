using Gateway.Drivers;
using Gateway.Pubsub;

namespace Gateway.Subscriptions;

/// <summary>What the manager keeps per (app, pubsub, topic): the definition it started, and the driver's handle.</summary>
/// <param name="Component">
/// The component instance it was started on (null when none was found). After a reload replaced the
/// component, the subscription is started again on the new driver.
/// </param>
internal sealed record RunningSubscription(string Fingerprint, SubscriptionStatus Status, ISubscription? Handle, PubsubComponent? Component);
