using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// Publishes numbered messages (<c>{"id":"m-0001"}</c>) from a shared queue over a few keep-alive
/// connections, and records which publishes got 204: each of those is a promise of delivery.
/// A worker stops at its first failure (the gateway went away); what it did not take stays queued.
/// </summary>
internal sealed class PublishLoad
{
    private readonly ConcurrentQueue<string> _pending;
    private readonly ConcurrentBag<string> _accepted = [];
    private readonly ConcurrentBag<string> _failed = [];

    public PublishLoad(int count)
    {
        Ids = [.. Enumerable.Range(1, count).Select(i => $"m-{i:0000}")];
        _pending = new ConcurrentQueue<string>(Ids);
    }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>Publishes that got 204.</summary>
    public IReadOnlyCollection<string> Accepted => [.. _accepted];

    /// <summary>Publishes that got another answer or none: no promise was made.</summary>
    public IReadOnlyCollection<string> Failed => [.. _failed];

    public int Remaining => _pending.Count;

    public static StringContent Body(string id) => new($"{{\"id\":\"{id}\"}}", Encoding.UTF8, "application/json");

    /// <summary>Publishes from the queue with <paramref name="connections"/> workers until it is empty or every worker failed.</summary>
    public Task RunAsync(HttpClient client, string path, int connections) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => WorkAsync(client, path))));

    private async Task WorkAsync(HttpClient client, string path)
    {
        while (_pending.TryDequeue(out var id))
        {
            try
            {
                using var response = await client.PostAsync(path, Body(id));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    _accepted.Add(id);
                    continue;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            _failed.Add(id);
            return;
        }
    }
}
