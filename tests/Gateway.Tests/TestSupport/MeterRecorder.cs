using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gateway.Telemetry;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// Counts measurements of the gateway's instruments in this process, by instrument and tags, so a test can
/// see what the gateway did (attempts, outcomes) without reading log lines. Hosts of other tests record
/// into the same meter name, so tests filter by a tag only they use (a unique pubsub or topic name).
/// </summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, IReadOnlyDictionary<string, string?> Tags, double Value)> _measurements = new();

    public MeterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>How many measurements <paramref name="instrument"/> took whose tags include every one of <paramref name="tags"/>.</summary>
    public int Count(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Count(m => m.Instrument == instrument && tags.All(tag => m.Tags.GetValueOrDefault(tag.Key) == tag.Value));

    /// <summary>The sum of the values of those measurements (for counters: the count of events).</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(tag => m.Tags.GetValueOrDefault(tag.Key) == tag.Value)).Sum(m => m.Value);

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue((instrument.Name, copy, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Dispose() => _listener.Dispose();
}
