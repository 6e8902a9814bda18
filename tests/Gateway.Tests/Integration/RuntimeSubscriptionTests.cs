using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Subscriptions;
using Gateway.Delivery;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>The runtime subscription API (docs/api.md): declare, list, delete; kept across restarts.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class RuntimeSubscriptionTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("gateway-state-").FullName;

    private static string Resources(Uri worker) => TestAssets.Join(
        TestAssets.Yaml("components/in-memory-subscription-scopes.yaml", new { name = "pubsub", subscriptionScopes = "worker=jobs" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "worker", baseUrl = worker }));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task DeclaredSubscription_Delivers_SurvivesARestart_AndCanBeDeleted()
    {
        using var pki = new TestPki();
        await using var worker = await TestSubscriber.StartAsync(pki.IssueApp("worker"));
        var gateway = await GatewayTestHost.StartAsync(pki, Resources(worker.BaseAddress), options => options.StateDirectory = _state);
        try
        {
            using (var client = gateway.ClientFor("worker"))
            {
                using var created = await client.PostAsync("/v1.0-alpha1/subscriptions", Json("""{"pubsubname":"pubsub","topic":"jobs","route":"/jobs","deadLetterTopic":"jobs-dead"}"""));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                Assert.Equal("/v1.0-alpha1/subscriptions/pubsub/jobs", created.Headers.Location?.ToString());
                await PublishAndExpectDeliveryAsync(client, worker, "before-restart");
            }

            await gateway.DisposeAsync();
            gateway = await GatewayTestHost.StartAsync(pki, Resources(worker.BaseAddress), options => options.StateDirectory = _state);
            using (var client = gateway.ClientFor("worker"))
            {
                await PublishAndExpectDeliveryAsync(client, worker, "after-restart");
                var listed = JsonDocument.Parse(await client.GetStringAsync("/v1.0-alpha1/subscriptions")).RootElement;
                var subscription = Assert.Single(listed.EnumerateArray());
                Assert.Equal("jobs", subscription.GetProperty("topic").GetString());
                Assert.Equal("jobs-dead", subscription.GetProperty("deadLetterTopic").GetString());

                Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1.0-alpha1/subscriptions/pubsub/jobs")).StatusCode);

                Assert.Equal("[]", await client.GetStringAsync("/v1.0-alpha1/subscriptions"));
                Assert.DoesNotContain(gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses, s => s.Definition.Topic == "jobs");
                Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/v1.0-alpha1/subscriptions/pubsub/jobs")).StatusCode);
            }
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("worker", """{"pubsubname":"nope","topic":"jobs","route":"/jobs"}""", 404, "ERR_PUBSUB_NOT_FOUND")]
    [InlineData("worker", """{"pubsubname":"pubsub","topic":"secrets","route":"/s"}""", 403, "ERR_PUBSUB_FORBIDDEN")]
    [InlineData("worker", """{"pubsubname":"pubsub","topic":"jobs"}""", 400, "ERR_SUBSCRIPTION_INVALID")]
    [InlineData("worker", """[{"pubsubname":"pubsub","topic":"jobs","route":"/j"}]""", 400, "ERR_SUBSCRIPTION_INVALID")]
    [InlineData("worker", """{"pubsubname":"pubsub","topic":"jobs","routes":{"rules":[{"match":"event.type = 1","path":"/a"}]}}""", 400, "ERR_SUBSCRIPTION_INVALID")]
    [InlineData("stranger", """{"pubsubname":"pubsub","topic":"jobs","route":"/jobs"}""", 400, "ERR_APP_NOT_DECLARED")]
    public async Task Declare_Refused_SaysWhy(string appId, string body, int status, string errorCode)
    {
        using var pki = new TestPki();
        await using var worker = await TestSubscriber.StartAsync(pki.IssueApp("worker"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Resources(worker.BaseAddress), options => options.StateDirectory = _state);
        using var client = gateway.ClientFor(appId);

        using var response = await client.PostAsync("/v1.0-alpha1/subscriptions", Json(body));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(errorCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errorCode").GetString());
        Assert.False(File.Exists(Path.Combine(_state, "subscriptions.json")) && File.ReadAllText(Path.Combine(_state, "subscriptions.json")).Contains("secrets", StringComparison.Ordinal));
    }

    private static async Task PublishAndExpectDeliveryAsync(HttpClient client, TestSubscriber worker, string label)
    {
        var marker = $"{label}-{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/v1.0/publish/pubsub/jobs", Json($$"""{"m":"{{marker}}"}"""))).StatusCode);
        await Eventually.TrueAsync(() => worker.Received.Any(d => d.Path == "/jobs" && d.BodyText.Contains(marker, StringComparison.Ordinal)), $"delivery {label}");
    }

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
