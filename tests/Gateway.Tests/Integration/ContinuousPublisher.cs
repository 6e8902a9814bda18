using System.Collections.Concurrent;
using System.Net;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>
/// Publishes one message after another on one client until stopped, keeping every failure; a test proves a
/// change was harmless by seeing publishes succeed after it and no failure at all.
/// </summary>
internal sealed class ContinuousPublisher : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _published;

    public ContinuousPublisher(HttpClient client, string path = "/v1.0/publish/pubsub/orders")
    {
        _running = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.PostAsync(path, new StringContent("{}"));
                    if (response.StatusCode == HttpStatusCode.NoContent)
                    {
                        Interlocked.Increment(ref _published);
                    }
                    else
                    {
                        _failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    _failures.Enqueue(ex.Message);
                }
            }
        });
    }

    /// <summary>Waits until a few more publishes than now have succeeded.</summary>
    public Task WaitForMoreAsync(int more = 5)
    {
        var target = Volatile.Read(ref _published) + more;
        return Eventually.TrueAsync(() => Volatile.Read(ref _published) >= target || !_failures.IsEmpty, $"{more} more publishes");
    }

    /// <summary>Stops and returns every failure seen.</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
        return [.. _failures];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
