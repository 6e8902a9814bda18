using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gateway.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Delivery;

/// <summary>
/// Listens to one gateway's <c>gateway.deliveries</c> counter and keeps the outcome of every message, per
/// topic, in the order they were counted. Only the instruments of that gateway's meter factory are heard,
/// so other gateways in the same process do not interfere.
/// </summary>
internal sealed class DeliveryOutcomeRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Topic, string Outcome)> _outcomes = new();

    public DeliveryOutcomeRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName && instrument.Name == "gateway.deliveries" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? topic = null;
            string? outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "topic")
                {
                    topic = tag.Value as string;
                }
                else if (tag.Key == "outcome")
                {
                    outcome = tag.Value as string;
                }
            }

            _outcomes.Enqueue((topic ?? "", outcome ?? ""));
        });
        _listener.Start();
    }

    /// <summary>The outcomes counted for <paramref name="topic"/> so far, oldest first.</summary>
    public IReadOnlyList<string> For(string topic) => [.. _outcomes.Where(entry => entry.Topic == topic).Select(entry => entry.Outcome)];

    public void Dispose() => _listener.Dispose();
}
