using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Gateway.Tests.TestSupport;

namespace Gateway.QuickBench;

/// <summary>
/// Latency at a fixed, moderate rate (open loop): each message is sent on its schedule whatever the
/// previous answers; request time and, when a subscriber receives it, publish-to-delivery time.
/// </summary>
internal sealed class FixedRate(Stopwatch clock)
{
    private readonly ConcurrentDictionary<string, TimeSpan> _sent = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delivered = new();

    /// <summary>Called by the subscriber for each delivery it receives.</summary>
    public void Delivered(string id) => _delivered.TryAdd(id, clock.Elapsed);

    /// <returns>Request round trips of the successful requests, and the ids that got 2xx.</returns>
    public async Task<(List<TimeSpan> RoundTrips, List<string> Accepted)> RunAsync(
        IReadOnlyList<HttpClient> connections, string path, string prefix, int perSecond, TimeSpan duration)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var roundTrips = new ConcurrentBag<TimeSpan>();
        var accepted = new ConcurrentBag<string>();
        var start = clock.Elapsed;
        var requests = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var id = $"{prefix}-{i}";
            var client = connections[i % connections.Count];
            requests.Add(Task.Run(async () =>
            {
                var sentAt = clock.Elapsed;
                _sent[id] = sentAt;
                using var response = await client.PostAsync(path, new StringContent($"{{\"id\":\"{id}\"}}", Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode)
                {
                    roundTrips.Add(clock.Elapsed - sentAt);
                    accepted.Add(id);
                }
            }));
        }

        await Task.WhenAll(requests);
        return ([.. roundTrips], [.. accepted]);
    }

    /// <summary>Waits for every id to be delivered and returns the publish-to-delivery times.</summary>
    public async Task<List<TimeSpan>> DeliveryTimesAsync(IReadOnlyList<string> ids)
    {
        await Eventually.TrueAsync(() => ids.All(_delivered.ContainsKey), $"{ids.Count} deliveries", TimeSpan.FromSeconds(60));
        return [.. ids.Select(id => _delivered[id] - _sent[id])];
    }

    public static string Percentiles(IReadOnlyList<TimeSpan> samples)
    {
        if (samples.Count == 0)
        {
            return "n/a";
        }

        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToList();
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return $"{At(0.50):0.0} / {At(0.99):0.0}";
    }
}
