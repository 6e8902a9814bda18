namespace Gateway.LoadGen.Metrics;

/// <summary>One measured run, as it appears in the JSON document and the tables.</summary>
/// <param name="Target">What was measured: <c>noop</c>, <c>gateway</c>, <c>redis-direct</c> or <c>kafka-direct</c>.</param>
/// <param name="Pubsub">The driver behind the gateway or the direct baseline; null for the no-op endpoint.</param>
/// <param name="Label">The row's name in the tables.</param>
/// <param name="Mode">closed, rate, handshake or idle (nothing sent).</param>
/// <param name="Client">The generator's HTTP client (raw or httpclient); null for direct baselines.</param>
/// <param name="Connections">Workers, each with its own connection.</param>
/// <param name="TargetRate">Sends per second asked for in rate mode; null otherwise.</param>
/// <param name="PayloadBytes">Bytes of each message's JSON payload.</param>
/// <param name="MessagesPerSend">Entries per request (bulk publish), else 1.</param>
/// <param name="Subscriptions">Subscriptions the gateway ran with; apps subscribed to the published topic are in <paramref name="SubscribedApps"/>.</param>
/// <param name="SubscribedApps">Apps receiving each published message.</param>
/// <param name="DurationSeconds">The measured window.</param>
/// <param name="Sends">Requests started in the window.</param>
/// <param name="Succeeded">Requests answered 2xx (or stored, for direct baselines).</param>
/// <param name="Errors">Failed requests by kind.</param>
/// <param name="RequestsPerSecond">Succeeded over the elapsed time (for rate mode: the achieved rate).</param>
/// <param name="MessagesPerSecond">RequestsPerSecond times MessagesPerSend.</param>
/// <param name="Latency">Request latency.</param>
/// <param name="PacerLag">Rate mode: how late the generator released messages against their due times (its own timing error, part of the latencies).</param>
/// <param name="Delivery">Publish-to-delivery, when apps were subscribed.</param>
/// <param name="ServerPeakRssMb">VmHWM of the server process (gateway or no-op) since it started, after the run; null for direct baselines.</param>
/// <param name="ServerCpu">The server process's CPU over exactly the measured window (not the warm-up); null for direct baselines.</param>
/// <param name="RedisClientConnections">Idle runs with Redis: clients connected to the redis-server at the end of the window (<c>INFO clients</c>, without the one asking).</param>
internal sealed record RunResult(
    string Target,
    string? Pubsub,
    string Label,
    string Mode,
    string? Client,
    int Connections,
    double? TargetRate,
    int PayloadBytes,
    int MessagesPerSend,
    int Subscriptions,
    int SubscribedApps,
    double DurationSeconds,
    long Sends,
    long Succeeded,
    SortedDictionary<string, long> Errors,
    double RequestsPerSecond,
    double MessagesPerSecond,
    LatencySummary Latency,
    LatencySummary? PacerLag,
    DeliveryResult? Delivery,
    double? ServerPeakRssMb,
    ServerCpuUse? ServerCpu,
    int? RedisClientConnections = null)
{
    public long ErrorCount => Errors.Values.Sum();
}
