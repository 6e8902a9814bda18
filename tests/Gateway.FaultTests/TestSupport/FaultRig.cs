using System.Diagnostics;
using System.Net;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// The real gateway process with one component, one subscriber app and one subscription, and a
/// keep-alive publisher client: the stage for broker faults, where the gateway itself stays up.
/// </summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ResourceFolder _resources;
    private readonly RunningGateway _gateway;
    private readonly HttpClient _client;

    private FaultRig(TestSubscriber subscriber, ResourceFolder resources, RunningGateway gateway, HttpClient client)
    {
        Subscriber = subscriber;
        _resources = resources;
        _gateway = gateway;
        _client = client;
    }

    public TestSubscriber Subscriber { get; }

    public string GatewayStandardError => _gateway.StandardError;

    public string GatewayStandardOutput => _gateway.StandardOutput;

    /// <param name="component">The YAML of a component named <see cref="ResourceFolder.ComponentName"/>.</param>
    public static async Task<FaultRig> StartAsync(FaultPki pki, string component, string topic)
    {
        var subscriber = await TestSubscriber.StartAsync(pki.Subscriber, pki.Ca);
        var resources = ResourceFolder.Write(component, subscriber.BaseAddress, topic, ResourceFolder.Unique("group"));
        var gateway = await RunningGateway.StartAsync(pki, resources.Directory, resources.ResourcesDirectory);
        return new FaultRig(subscriber, resources, gateway, pki.PublisherClient(gateway.Address));
    }

    /// <summary>Publishes one message and returns the status, the error body (if any) and how long the answer took.</summary>
    public async Task<(HttpStatusCode Status, TimeSpan Elapsed, string Body)> PublishAsync(string id)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.PostAsync(_resources.PublishPath, PublishLoad.Body(id));
        var elapsed = clock.Elapsed;
        return (response.StatusCode, elapsed, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Publishes fresh ids until one gets 204 (the broker is back), and returns every answer on the way.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, HttpStatusCode Status)>> PublishUntilAcceptedAsync(string prefix)
    {
        var answers = new List<(string, HttpStatusCode)>();
        await Eventually.TrueAsync(
            async () =>
            {
                var id = $"{prefix}-{answers.Count + 1:000}";
                var (status, _, _) = await PublishAsync(id);
                answers.Add((id, status));
                return status == HttpStatusCode.NoContent;
            },
            $"a publish with id prefix '{prefix}' to get 204",
            Patience);
        return answers;
    }

    /// <summary>A publisher that keeps publishing through failures on its own connections until stopped.</summary>
    public StreamPublisher StartPublisher(int connections)
    {
        var publisher = new StreamPublisher(_client, _resources.PublishPath, connections);
        publisher.Start();
        return publisher;
    }

    /// <summary>Waits until every id in <paramref name="ids"/> reached the app at least once.</summary>
    public Task WaitForDeliveriesAsync(IEnumerable<string> ids)
    {
        var wanted = ids.ToList();
        return Eventually.TrueAsync(
            () => DeliveryCounts.Missing(wanted, DeliveryCounts.Of(Subscriber)).Count == 0,
            $"deliveries of {string.Join(", ", DeliveryCounts.Missing(wanted, DeliveryCounts.Of(Subscriber)).Take(10))}",
            Patience);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await Subscriber.DisposeAsync();
        _resources.Dispose();
    }
}
