using System.Diagnostics.Metrics;

namespace Gateway.Telemetry;

/// <summary>The gateway's counters, on the <c>Gateway</c> meter.</summary>
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
    }

    public Counter<long> Publishes { get; }

    public Counter<long> ScopeDenials { get; }

    public Counter<long> Deliveries { get; }

    public Counter<long> DeadLetters { get; }

    public Counter<long> AuthenticationFailures { get; }

    public void Dispose() => _meter.Dispose();
}
