using System.Diagnostics;

namespace Gateway.Telemetry;

/// <summary>
/// The instruments of one delivery attempt (a single POST or a bulk POST of several messages): a retry
/// count when it is not the first attempt, the messages it holds in flight until <see cref="Leave"/>,
/// and its duration by outcome on <see cref="Record"/>.
/// </summary>
internal readonly struct DeliveryAttemptMeasurement
{
    private readonly GatewayMetrics _metrics;
    private readonly KeyValuePair<string, object?> _app;
    private readonly KeyValuePair<string, object?> _pubsub;
    private readonly KeyValuePair<string, object?> _topic;
    private readonly int _messages;
    private readonly long _started;

    public DeliveryAttemptMeasurement(GatewayMetrics metrics, string app, string pubsub, string topic, int attempt, int messages)
    {
        (_metrics, _app, _pubsub, _topic, _messages) = (metrics, new("app", app), new("pubsub", pubsub), new("topic", topic), messages);
        if (attempt > 1)
        {
            metrics.DeliveryRetries.Add(messages, _app, _pubsub, _topic);
        }

        metrics.DeliveriesInFlight.Add(messages, _app, _pubsub, _topic);
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The attempt has its answer (or failed): its messages are no longer in flight.</summary>
    public void Leave() => _metrics.DeliveriesInFlight.Add(-_messages, _app, _pubsub, _topic);

    public void Record(string outcome) =>
        _metrics.DeliveryDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _app, _pubsub, _topic, new("outcome", outcome));
}
