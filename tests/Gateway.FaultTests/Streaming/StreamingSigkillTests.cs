using Gateway.FaultTests.Redis;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Streaming;

/// <summary>
/// A streaming subscription (an app with no inbound port, on Dapr.Protos' client) over <c>pubsub.redis</c> while
/// the gateway is killed with SIGKILL mid-stream and started again on another port: the stream reconnects, and
/// every publish that got 204 reaches it at least once; events it had not answered when the gateway died come again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class StreamingSigkillTests(FaultPki pki, ITestOutputHelper output)
{
    private const int Messages = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task GatewayKilledMidStream_StreamReconnects_EveryAcceptedPublishArrives()
    {
        await using var redis = await RedisServer.StartAsync();
        var topic = ResourceFolder.Unique("stream");
        using var resources = ResourceFolder.Write(
            RedisSigkillTests.RedisComponent(redis.Address), new Uri("https://127.0.0.1:9"), ResourceFolder.Unique("idle"), ResourceFolder.Unique("group"));
        var path = $"/v1.0/publish/{ResourceFolder.ComponentName}/{topic}";
        var load = new PublishLoad(Messages);

        var first = await RunningGateway.StartAsync(pki, resources.Directory, resources.ResourcesDirectory);
        await using var stream = new ReconnectingStream(first.Address, pki.Ca, pki.Subscriber, ResourceFolder.ComponentName, topic);
        await Eventually.TrueAsync(() => stream.Opened == 1, "the stream open", Patience);
        using (var client = pki.PublisherClient(first.Address))
        {
            var publishing = load.RunAsync(client, path, connections: 4);
            await Eventually.TrueAsync(() => stream.Counts.Count >= Messages / 3, $"{Messages / 3} events on the stream before the kill", Patience);
            await first.KillAsync();
            await publishing;
        }

        var acceptedAtKill = load.Accepted.Count;
        var deliveredAtKill = stream.Counts.Count;
        await using var second = await RunningGateway.StartAsync(pki, resources.Directory, resources.ResourcesDirectory);
        stream.Address = second.Address;
        using (var client = pki.PublisherClient(second.Address))
        {
            await load.RunAsync(client, path, connections: 4);
        }

        var accepted = load.Accepted;
        try
        {
            await Eventually.TrueAsync(() => accepted.All(stream.Counts.ContainsKey), "every accepted publish on the reopened stream", Patience);
        }
        catch (TimeoutException)
        {
            // The assertion below names what is missing.
        }

        var missing = accepted.Where(id => !stream.Counts.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"streaming over pubsub.redis: killed after {deliveredAtKill} distinct events ({acceptedAtKill} publishes accepted); "
            + $"{accepted.Count} accepted in all, {stream.Counts.Values.Sum()} events received, {stream.Counts.Count(pair => pair.Value > 1)} more than once, "
            + $"{missing.Count} missing; streams opened: {stream.Opened}");
        Assert.Empty(missing);
        Assert.True(stream.Opened >= 2, "the stream never reconnected to the restarted gateway");
        Assert.True(deliveredAtKill < acceptedAtKill, "the kill came after every accepted event arrived, so it proved nothing");
    }
}
