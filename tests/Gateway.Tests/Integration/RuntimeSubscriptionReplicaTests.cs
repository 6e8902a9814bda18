using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Subscriptions;
using Gateway.Delivery;
using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// Two gateway replicas sharing one broker (and no disk): a runtime subscription declared on one is
/// listed and delivered by the other, survives a restart with an empty state directory, and a delete on
/// either stops it on both. Redis on a real <c>redis-server</c>; Kafka on librdkafka's mock cluster (or
/// the real cluster named by <c>KAFKA_BOOTSTRAP_SERVERS</c>).
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RuntimeSubscriptionReplicaTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly List<string> _stateDirectories = [];

    [Fact]
    public async Task Redis_SubscriptionDeclaredOnOneReplica_IsListedAndDeliveredByTheOther_AndDeletedOnBoth()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        await TwoReplicasShareRuntimeSubscriptionsAsync(TestAssets.Yaml("components/redis.yaml", new { name = "shared", redisHost = redis.Address }));
    }

    [Fact]
    public async Task Kafka_SubscriptionDeclaredOnOneReplica_IsListedAndDeliveredByTheOther_AndDeletedOnBoth()
    {
        await TwoReplicasShareRuntimeSubscriptionsAsync(TestAssets.Yaml("components/kafka.yaml", new { name = "shared", brokers = KafkaTestBroker.BootstrapServers }));
    }

    private async Task TwoReplicasShareRuntimeSubscriptionsAsync(string component)
    {
        using var pki = new TestPki();
        await using var worker = await TestSubscriber.StartAsync(pki.IssueApp("worker"));
        var resources = TestAssets.Join(component, TestAssets.Yaml("apps/app.yaml", new { name = "worker", baseUrl = worker.BaseAddress }));
        var topic = $"jobs-{Guid.NewGuid():N}";
        GatewayTestHost? replicaA = await StartReplicaAsync(pki, resources);
        GatewayTestHost? restartedA = null;
        await using var replicaB = await StartReplicaAsync(pki, resources);
        try
        {
            using (var clientA = replicaA.ClientFor("worker"))
            {
                using var created = await clientA.PostAsync("/v1.0-alpha1/subscriptions", Json($$"""{"pubsubname":"shared","topic":"{{topic}}","route":"/jobs"}"""));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                Assert.Contains(topic, await ListAsync(clientA));
            }

            using var clientB = replicaB.ClientFor("worker");
            await Eventually.TrueAsync(async () => (await ListAsync(clientB)).Contains(topic), "replica B lists the subscription declared on replica A", Patience);
            await Eventually.TrueAsync(() => IsRunning(replicaB, topic), "replica B delivers the topic", Patience);

            await replicaA.DisposeAsync();
            replicaA = null;
            var marker = $"while-a-is-down-{Guid.NewGuid():N}";
            Assert.Equal(HttpStatusCode.NoContent, (await clientB.PostAsync($"/v1.0/publish/shared/{topic}", Json($$"""{"m":"{{marker}}"}"""))).StatusCode);
            await Eventually.TrueAsync(() => worker.Received.Any(d => d.Path == "/jobs" && d.BodyText.Contains(marker, StringComparison.Ordinal)), "replica B delivers to the app while replica A is stopped", Patience);

            // Replica A comes back with an empty state directory: the broker still has the subscription.
            restartedA = await StartReplicaAsync(pki, resources);
            using var clientRestartedA = restartedA.ClientFor("worker");
            Assert.Contains(topic, await ListAsync(clientRestartedA));
            Assert.True(IsRunning(restartedA, topic), "the restarted replica runs the subscription it loaded from the broker");

            Assert.Equal(HttpStatusCode.NoContent, (await clientB.DeleteAsync($"/v1.0-alpha1/subscriptions/shared/{topic}")).StatusCode);
            Assert.Equal("[]", await clientB.GetStringAsync("/v1.0-alpha1/subscriptions"));
            Assert.False(IsListedByManager(replicaB, topic), "replica B stopped the deleted subscription before answering");
            await Eventually.TrueAsync(async () => await clientRestartedA.GetStringAsync("/v1.0-alpha1/subscriptions") == "[]", "replica A no longer lists the subscription deleted on replica B", Patience);
            await Eventually.TrueAsync(() => !IsListedByManager(restartedA, topic), "replica A stops delivering the subscription deleted on replica B", Patience);
        }
        finally
        {
            if (replicaA is not null)
            {
                await replicaA.DisposeAsync();
            }

            if (restartedA is not null)
            {
                await restartedA.DisposeAsync();
            }
        }
    }

    private Task<GatewayTestHost> StartReplicaAsync(TestPki pki, string resources)
    {
        var state = Directory.CreateTempSubdirectory("gateway-replica-state-").FullName;
        _stateDirectories.Add(state);
        return GatewayTestHost.StartAsync(pki, resources, options =>
        {
            options.StateDirectory = state;
            options.RuntimeSubscriptionSyncInterval = TimeSpan.FromMilliseconds(200);
        });
    }

    private static async Task<List<string>> ListAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync("/v1.0-alpha1/subscriptions")).RootElement.EnumerateArray().Select(s => s.GetProperty("topic").GetString()!)];

    private static bool IsRunning(GatewayTestHost gateway, string topic) =>
        gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses.Any(s => s.Definition.Topic == topic && s.State == SubscriptionState.Running);

    private static bool IsListedByManager(GatewayTestHost gateway, string topic) =>
        gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses.Any(s => s.Definition.Topic == topic);

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
