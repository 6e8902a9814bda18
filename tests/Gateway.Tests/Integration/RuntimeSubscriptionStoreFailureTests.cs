using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Integration;

/// <summary>
/// A pubsub whose broker keeps the runtime subscriptions is down: declaring one there answers 500 and
/// changes nothing, the gateway still starts and says which component it cannot read, subscriptions
/// kept in the local file (in-memory pubsub) stay, and everything works once the broker is back.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RuntimeSubscriptionStoreFailureTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gateway-state-").FullName;

    [Fact]
    public async Task BrokerDown_DeclareAnswers500AndChangesNothing_RestartKeepsFileSubscriptions_AndWorksOnceTheBrokerIsBack()
    {
        using var pki = new TestPki();
        await using var worker = await TestSubscriber.StartAsync(pki.IssueApp("worker"));
        await using var redis = await RedisServer.StartAsync(appendOnly: true);
        await redis.KillAsync();
        var resources = Resources(redis.Address, worker.BaseAddress);

        await using (var gateway = await StartAsync(pki, resources))
        {
            using var client = gateway.ClientFor("worker");
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/v1.0-alpha1/subscriptions", Json("""{"pubsubname":"memory","topic":"jobs","route":"/jobs"}"""))).StatusCode);

            using var refused = await client.PostAsync("/v1.0-alpha1/subscriptions", Json("""{"pubsubname":"shared","topic":"orders","route":"/orders"}"""));

            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("ERR_SUBSCRIPTION_STORE", error.GetProperty("errorCode").GetString());
            var message = error.GetProperty("message").GetString()!;
            Assert.Contains("pubsub 'shared'", message, StringComparison.Ordinal);
            Assert.Contains("try again later", message, StringComparison.Ordinal);
            Assert.Equal(["jobs"], await TopicsAsync(client));
        }

        await using (var gateway = await StartAsync(pki, resources))
        {
            Assert.Contains(gateway.Logs.Events, e => e.EventId == 3302 && e.Level == LogLevel.Error && e.Message.Contains("pubsub 'shared'", StringComparison.Ordinal));
            using var client = gateway.ClientFor("worker");
            Assert.Equal(["jobs"], await TopicsAsync(client));
            await PublishAndExpectDeliveryAsync(client, worker, "memory", "jobs", "/jobs");

            await redis.StartAgainAsync();
            using var created = await client.PostAsync("/v1.0-alpha1/subscriptions", Json("""{"pubsubname":"shared","topic":"orders","route":"/orders"}"""));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(["jobs", "orders"], await TopicsAsync(client));
            await PublishAndExpectDeliveryAsync(client, worker, "shared", "orders", "/orders");
            await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 3303 && e.Message.Contains("pubsub 'shared'", StringComparison.Ordinal)), "the gateway says the store is readable again");
        }
    }

    private static string Resources(string redisAddress, Uri worker) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory.yaml", new { name = "memory" }),
        TestAssets.Yaml("components/redis-dial-timeout.yaml", new { name = "shared", redisHost = redisAddress, dialTimeout = "1s" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "worker", baseUrl = worker }));

    private Task<GatewayTestHost> StartAsync(TestPki pki, string resources) =>
        GatewayTestHost.StartAsync(pki, resources, options =>
        {
            options.StateDirectory = _state;
            options.RuntimeSubscriptionSyncInterval = TimeSpan.FromMilliseconds(200);
        });

    private static async Task<List<string>> TopicsAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync("/v1.0-alpha1/subscriptions")).RootElement.EnumerateArray().Select(s => s.GetProperty("topic").GetString()!)];

    private static async Task PublishAndExpectDeliveryAsync(HttpClient client, TestSubscriber worker, string pubsub, string topic, string path)
    {
        var marker = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1.0/publish/{pubsub}/{topic}", Json($$"""{"m":"{{marker}}"}"""))).StatusCode);
        await Eventually.TrueAsync(() => worker.Received.Any(d => d.Path == path && d.BodyText.Contains(marker, StringComparison.Ordinal)), $"delivery of {topic}");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
