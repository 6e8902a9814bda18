using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// Publishes numbered messages (<c>{"id":"f-00001"}</c>) without pause over a few keep-alive connections,
/// through failures, until stopped, and records every answer: each 204 is a promise of delivery, and each
/// is stamped with the phase it was given in (before a fault, during it, after it); every other answer is counted
/// by status and Dapr error code.
/// </summary>
internal sealed class StreamPublisher(HttpClient client, string path, int connections) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _next;
    private int _failed;
    private Task _running = Task.CompletedTask;

    /// <summary>The phase stamped on the next answers.</summary>
    public string Phase { get; set; } = "before";

    /// <summary>Publishes that got 204, with the phase of their answer.</summary>
    public IReadOnlyDictionary<string, string> Accepted => _accepted;

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>
    /// Answers other than 204, counted by <c>"status errorCode"</c> (<c>"500 ERR_PUBSUB_PUBLISH_MESSAGE"</c>), or
    /// <c>"status without a Dapr error"</c> when the body is not Dapr's error object; requests without any answer are not here.
    /// </summary>
    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    public int AcceptedIn(string phase) => _accepted.Count(a => a.Value == phase);

    public void Start() => _running = Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkAsync)));

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task WorkAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var id = $"f-{Interlocked.Increment(ref _next):00000}";
            var phase = Phase;
            try
            {
                using var response = await client.PostAsync(path, PublishLoad.Body(id));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    _accepted[id] = phase;
                    continue;
                }

                _refusals.AddOrUpdate($"{(int)response.StatusCode} {ErrorCode(await response.Content.ReadAsStringAsync()) ?? "without a Dapr error"}", 1, (_, n) => n + 1);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Interlocked.Increment(ref _failed);
            // A failing broker answers at once; do not spin on it.
            await Task.Delay(20);
        }
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
