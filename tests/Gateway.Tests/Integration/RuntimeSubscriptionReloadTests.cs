using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Subscriptions;
using Gateway.Delivery;
using Gateway.Drivers;
using Gateway.FaultTests.TestSupport;
using Gateway.Pubsub;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// A runtime subscription of a Redis pubsub while the pubsub's Component YAML changes on disk: the live reload
/// replaces the component (a new driver), and the subscription keeps being listed and delivered through the
/// new driver, and a delete reaches the replaced component's store in Redis (a gateway started afterwards,
/// with an empty state directory, does not list it). Real <c>redis-server</c>.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RuntimeSubscriptionReloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly List<string> _stateDirectories = [];

    [Fact]
    public async Task RedisComponentChangedOnDisk_RuntimeSubscriptionFollowsTheReplacedComponent_AndItsDeleteReachesTheNewStore()
    {
        using var pki = new TestPki();
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        await using var worker = await TestSubscriber.StartAsync(pki.IssueApp("worker"));
        var topic = $"jobs-{Guid.NewGuid():N}";
        await using var gateway = await StartGatewayAsync(pki, Resources(redis, worker.BaseAddress, redeliverInterval: "60s"));
        using var client = gateway.ClientFor("worker");

        using (var created = await client.PostAsync("/v1.0-alpha1/subscriptions", Json($$"""{"pubsubname":"shared","topic":"{{topic}}","route":"/jobs"}""")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await PublishAndAwaitDeliveryAsync(client, worker, redis, topic, "before-reload");
        var before = Shared(gateway);
        var reloadsBefore = Reloads(gateway);

        // A harmless metadata change: the component is replaced by one with a new driver.
        var changed = Path.Combine(Path.GetTempPath(), $"gateway-reload-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(changed, Resources(redis, worker.BaseAddress, redeliverInterval: "45s"));
        File.Move(changed, Path.Combine(gateway.ResourcesDirectory, "resources.yaml"), overwrite: true);
        // Applied means replaced, reconciled and the old driver disposed. Waiting only for the replacement left a window in
        // which the old subscription still ran and could take the next entry just before it was stopped: that entry then
        // stays pending for the old consumer until processingTimeout, longer than this test waits.
        await Eventually.TrueAsync(
            () => Reloads(gateway) > reloadsBefore, "the reload to be applied", Patience);
        Assert.False(ReferenceEquals(Shared(gateway), before), "component 'shared' was not replaced");

        Assert.Contains(topic, await ListAsync(client));
        await Eventually.TrueAsync(() => IsRunning(gateway, topic), "the runtime subscription to run again", Patience);
        // Only the new driver can deliver this.
        await PublishAndAwaitDeliveryAsync(client, worker, redis, topic, "after-reload");

        // The subscription is still in Redis: a gateway started now, with nothing on disk, lists it.
        await using (var fresh = await StartGatewayAsync(pki, Resources(redis, worker.BaseAddress, redeliverInterval: "45s")))
        {
            using var freshClient = fresh.ClientFor("worker");
            Assert.Contains(topic, await ListAsync(freshClient));
        }

        using (var deleted = await client.DeleteAsync($"/v1.0-alpha1/subscriptions/shared/{topic}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal("[]", await client.GetStringAsync("/v1.0-alpha1/subscriptions"));
        Assert.False(IsListedByManager(gateway, topic), "the deleted subscription is stopped");
        await using (var afterDelete = await StartGatewayAsync(pki, Resources(redis, worker.BaseAddress, redeliverInterval: "45s")))
        {
            using var afterDeleteClient = afterDelete.ClientFor("worker");
            Assert.Equal("[]", await afterDeleteClient.GetStringAsync("/v1.0-alpha1/subscriptions"));
        }

        Assert.DoesNotContain(gateway.Logs.Events, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private static string Resources(RedisServer redis, Uri worker, string redeliverInterval) => TestAssets.Join(
        TestAssets.Yaml("components/redis-redeliver-interval.yaml", new { name = "shared", redisHost = redis.Address, redeliverInterval }),
        TestAssets.Yaml("apps/app.yaml", new { name = "worker", baseUrl = worker }));

    private Task<GatewayTestHost> StartGatewayAsync(TestPki pki, string resources)
    {
        var state = Directory.CreateTempSubdirectory("gateway-reload-state-").FullName;
        _stateDirectories.Add(state);
        return GatewayTestHost.StartAsync(pki, resources, options =>
        {
            options.StateDirectory = state;
            options.ResourcesPollInterval = TimeSpan.FromMilliseconds(200);
            options.RuntimeSubscriptionSyncInterval = TimeSpan.FromMilliseconds(200);
        });
    }

    private static async Task PublishAndAwaitDeliveryAsync(HttpClient client, TestSubscriber worker, RedisServer redis, string topic, string what)
    {
        var marker = $"{what}-{Guid.NewGuid():N}";
        using (var published = await client.PostAsync($"/v1.0/publish/shared/{topic}", Json($$"""{"m":"{{marker}}"}""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, published.StatusCode);
        }

        try
        {
            await Eventually.TrueAsync(() => worker.Received.Any(d => d.Path == "/jobs" && d.BodyText.Contains(marker, StringComparison.Ordinal)), $"the delivery of the message published {what}", Patience);
        }
        catch (TimeoutException missing)
        {
            // Whether the entry was never read, or read and left pending (and for which consumer), tells where it stopped.
            throw new TimeoutException($"{missing.Message}; the stream then: {await StreamStateAsync(redis, topic)}", missing);
        }
    }

    private static async Task<string> StreamStateAsync(RedisServer redis, string topic)
    {
        var state = new StringBuilder();
        foreach (string[] command in (string[][])[["XINFO", "GROUPS", topic], ["XINFO", "CONSUMERS", topic, "worker"], ["XPENDING", topic, "worker", "-", "+", "10"], ["XRANGE", topic, "-", "+", "COUNT", "10"]])
        {
            var info = new System.Diagnostics.ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var cli = System.Diagnostics.Process.Start(info)!;
            var output = await cli.StandardOutput.ReadToEndAsync();
            await cli.WaitForExitAsync();
            state.Append($"[{string.Join(' ', command)}: {output.ReplaceLineEndings(" ").Trim()}] ");
        }

        return state.ToString();
    }

    private static int Reloads(GatewayTestHost gateway) => gateway.Logs.Events.Count(e => e.EventId == EventIds.ResourceReloader.Applied);

    private static PubsubComponent Shared(GatewayTestHost gateway) =>
        gateway.App.Services.GetRequiredService<ComponentRegistry>().All.Single(c => c.Name == "shared");

    private static bool IsRunning(GatewayTestHost gateway, string topic) =>
        gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses.Any(s => s.Definition.Topic == topic && s.State == SubscriptionState.Running);

    private static bool IsListedByManager(GatewayTestHost gateway, string topic) =>
        gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses.Any(s => s.Definition.Topic == topic);

    private static async Task<List<string>> ListAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync("/v1.0-alpha1/subscriptions")).RootElement.EnumerateArray().Select(s => s.GetProperty("topic").GetString()!)];

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose()
    {
        foreach (var directory in _stateDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
