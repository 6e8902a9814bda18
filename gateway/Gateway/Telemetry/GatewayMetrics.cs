using System.Diagnostics.Metrics;

namespace Gateway.Telemetry;

/// <summary>The gateway's instruments on the <c>Gateway</c> meter, exported to Prometheus and, when configured, over OTLP.</summary>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Gateway";

    private readonly Meter _meter;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Publishes = _meter.CreateCounter<long>("gateway.publishes", description: "Publish requests by pubsub and result.");
        ScopeDenials = _meter.CreateCounter<long>("gateway.scope.denials", description: "Operations denied by topic scoping.");
        Deliveries = _meter.CreateCounter<long>("gateway.deliveries", description: "Final delivery outcomes per message (success, retry, drop, expired), by app, pubsub and topic.");
        DeadLetters = _meter.CreateCounter<long>("gateway.dead_letters", description: "Messages written to a dead-letter topic.");
        AuthenticationFailures = _meter.CreateCounter<long>("gateway.authentication.failures", description: "Callers refused before authorization, by reason.");
        DeliveriesInFlight = _meter.CreateUpDownCounter<long>("gateway.deliveries.in_flight", description: "Delivery attempts waiting for the app's answer, by app, pubsub and topic.");
        StreamingSubscriptions = _meter.CreateUpDownCounter<long>("gateway.streaming.subscriptions", description: "Open streaming subscriptions (apps subscribed over their own gRPC stream), by app, pubsub and topic.");
        DeliveryRetries = _meter.CreateCounter<long>("gateway.delivery.retries", description: "Delivery attempts after the first one for the same message (resiliency retries), by app, pubsub and topic.");
        PublishDuration = _meter.CreateHistogram<double>("gateway.publish.duration", unit: "s", description: "Time from the scope check to the broker's answer of a publish, retries included, by pubsub and result.");
        DeliveryDuration = _meter.CreateHistogram<double>("gateway.delivery.duration", unit: "s", description: "Time of one delivery attempt to an app until its answer, by app, pubsub, topic and outcome.");
    }

    public Counter<long> Publishes { get; }

    public Counter<long> ScopeDenials { get; }

    public Counter<long> Deliveries { get; }

    public Counter<long> DeadLetters { get; }

    public Counter<long> AuthenticationFailures { get; }

    public UpDownCounter<long> DeliveriesInFlight { get; }

    public Counter<long> DeliveryRetries { get; }

    public UpDownCounter<long> StreamingSubscriptions { get; }

    public Histogram<double> PublishDuration { get; }

    public Histogram<double> DeliveryDuration { get; }

    /// <summary>One message that reached the broker call, on <c>gateway.publishes</c> and <c>gateway.publish.duration</c>.</summary>
    /// <param name="result"><c>stored</c>, <c>transient_error</c> or <c>error</c>.</param>
    public void RecordPublish(string pubsub, string result, TimeSpan elapsed)
    {
        Publishes.Add(1, new("pubsub", pubsub), new("result", result));
        PublishDuration.Record(elapsed.TotalSeconds, new("pubsub", pubsub), new("result", result));
    }

    /// <summary>One message's final delivery outcome on <c>gateway.deliveries</c>.</summary>
    public void CountDelivery(string outcome, string app, string pubsub, string topic) =>
        Deliveries.Add(1, new("outcome", outcome), new("app", app), new("pubsub", pubsub), new("topic", topic));

    public void Dispose() => _meter.Dispose();
}
