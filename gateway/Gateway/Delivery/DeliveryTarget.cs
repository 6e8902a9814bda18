using Gateway.Authentication;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Routing;
using Gateway.Telemetry;

namespace Gateway.Delivery;

/// <summary>Everything one running subscription delivers with: whose it is, from where, to where, through what.</summary>
/// <param name="App">The subscribing app.</param>
/// <param name="Subscriber">The app as a caller: dead letters are published on its behalf, under its publishing scopes.</param>
/// <param name="Component">The pubsub the messages come from.</param>
/// <param name="Topic">The subscribed topic.</param>
/// <param name="DeadLetterTopic">Where undeliverable messages go; null for none.</param>
/// <param name="RawPayload">Whether messages are raw payloads (<c>rawPayload</c>); null when the metadata value is not a boolean.</param>
/// <param name="Routes">The routing rules, compiled.</param>
/// <param name="Sender">The channel to the app (HTTPS POST today).</param>
/// <param name="Failures">The app's run of failed deliveries, shared by its subscriptions (what is logged while it is down).</param>
internal sealed record DeliveryTarget(
    AppSpec App,
    Caller Subscriber,
    PubsubComponent Component,
    string Topic,
    string? DeadLetterTopic,
    bool? RawPayload,
    RouteTable Routes,
    IAppSender Sender,
    FailureRun Failures);
