using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration.Tenancy;

/// <summary>
/// Names the gateway keeps for itself in a shared broker are out of apps' reach: publishing to the runtime
/// subscription store's Redis key (which would turn it into a stream and break every app's runtime
/// subscriptions) is refused, and so are topics with control characters, which would forge log lines.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ReservedNameTests
{
    [Fact]
    public async Task PublishingToTheRecordStore_IsRefused_AndOtherAppsKeepTheirRuntimeSubscriptions()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        using var pki = new TestPki();
        await using var victim = await TestSubscriber.StartAsync(pki.IssueApp("victim"));
        var state = Directory.CreateTempSubdirectory("gateway-state-").FullName;
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/redis.yaml", new { name = "pubsub", redisHost = redis.Address }),
            TestAssets.Yaml("apps/app.yaml", new { name = "victim", baseUrl = victim.BaseAddress })), options => options.StateDirectory = state);
        using var mallory = gateway.ClientFor("mallory");

        foreach (var topic in new[] { "gateway:records:subscriptions", "gateway.records.subscriptions", "GATEWAY:RECORDS:other" })
        {
            using var single = await mallory.PostAsync($"/v1.0/publish/pubsub/{topic}", Json("""{"poison":1}"""));
            using var bulk = await mallory.PostAsync($"/v1.0-alpha1/publish/bulk/pubsub/{topic}", Json("""[{"entryId":"1","event":"x","contentType":"text/plain"}]"""));
            using var subscribe = await mallory.PostAsync("/v1.0-alpha1/subscriptions", Json(JsonSerializer.Serialize(new { pubsubname = "pubsub", topic, route = "/x" })));

            await AssertRefusedAsync(single, HttpStatusCode.Forbidden, "reserved for the gateway's own records");
            await AssertRefusedAsync(bulk, HttpStatusCode.Forbidden, "reserved for the gateway's own records");
            Assert.Equal(HttpStatusCode.BadRequest, subscribe.StatusCode);
        }

        using var own = gateway.ClientFor("victim");
        using var created = await own.PostAsync("/v1.0-alpha1/subscriptions", Json("""{"pubsubname":"pubsub","topic":"jobs","route":"/jobs"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("hash", await RedisCliAsync(redis.Port, "TYPE", "gateway:records:subscriptions"));
        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsync("/v1.0/publish/pubsub/jobs", Json("""{"n":1}"""))).StatusCode);
        await Eventually.TrueAsync(() => victim.Received.Any(d => d.Path == "/jobs"), "the victim's runtime subscription to deliver");
    }

    [Fact]
    public async Task TopicsWithControlCharacters_AreRefused_ForPublishAndSubscription()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("app"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "app", baseUrl = app.BaseAddress })));
        using var client = gateway.ClientFor("app");

        using var publish = await client.PostAsync("/v1.0/publish/pubsub/orders%0A12:00 info: forged", Json("""{"n":1}"""));
        using var subscribe = await client.PostAsync("/v1.0-alpha1/subscriptions", Json("""{"pubsubname":"pubsub","topic":"orders\nforged","route":"/x"}"""));

        await AssertRefusedAsync(publish, HttpStatusCode.Forbidden, "control character U+000A");
        Assert.Equal(HttpStatusCode.BadRequest, subscribe.StatusCode);
        Assert.Contains("control character U+000A", JsonDocument.Parse(await subscribe.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Logs.Events, log => log.Category.StartsWith("Gateway.", StringComparison.Ordinal) && log.Message.Contains("forged", StringComparison.Ordinal));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ERR_PUBSUB_FORBIDDEN", error.GetProperty("errorCode").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> RedisCliAsync(int port, params string[] command)
    {
        var start = new ProcessStartInfo("redis-cli", ["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Trim();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
