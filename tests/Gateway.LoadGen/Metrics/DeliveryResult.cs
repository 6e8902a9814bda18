namespace Gateway.LoadGen.Metrics;

/// <summary>Publish-to-delivery over a run: how many deliveries were expected and arrived, and their latency.</summary>
/// <param name="Expected">Accepted messages times the apps subscribed to the topic.</param>
/// <param name="Delivered">Deliveries of messages from the measured window that arrived before the wait ended.</param>
/// <param name="PerSecond">Delivered over the run's elapsed time.</param>
/// <param name="Latency">From the message's due time (fixed rate) or send time (closed loop) to the subscriber reading it.</param>
internal sealed record DeliveryResult(long Expected, long Delivered, double PerSecond, LatencySummary Latency);
