using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Tests.Delivery;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>Bulk subscribe delivery (Dapr's bulk subscribe, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/) to a real subscriber app over mTLS.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BulkSubscribeTests
{
    [Fact]
    public async Task BulkSubscription_TwelveMessages_ArriveInBulkEnvelopesOfAtMostFive()
    {
        using var pki = new TestPki();
        await using var app = await StartAppAsync(pki, entry => "SUCCESS");
        await using var gateway = await StartGatewayAsync(pki, app, Subscription("orders", "/orders", maxMessagesCount: 5, maxAwaitMs: 200));
        using var client = gateway.ClientFor("shop");

        await PublishAsync(client, "orders", Enumerable.Range(1, 12));

        await Eventually.TrueAsync(() => Entries(app).Count >= 12, "12 entries");
        var requests = BulkRequests(app);
        Assert.True(requests.Count >= 3, $"12 messages in batches of at most 5 need at least 3 requests, got {requests.Count}");
        Assert.All(requests, request =>
        {
            Assert.Equal("/orders", request.Path);
            Assert.StartsWith("application/json", request.Headers["Content-Type"]);
            var body = request.Json;
            Assert.Equal("com.dapr.event.sent.bulk", body.GetProperty("type").GetString());
            Assert.Equal("orders", body.GetProperty("topic").GetString());
            Assert.Equal("pubsub", body.GetProperty("pubsubname").GetString());
            Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
            Assert.Equal(JsonValueKind.Object, body.GetProperty("metadata").ValueKind);
            Assert.InRange(body.GetProperty("entries").GetArrayLength(), 1, 5);
        });
        var entries = Entries(app);
        Assert.Equal(12, entries.Count);
        Assert.Equal(12, entries.Select(entry => entry.GetProperty("entryId").GetString()).Distinct().Count());
        Assert.All(entries, entry =>
        {
            Assert.Equal("application/cloudevents+json", entry.GetProperty("contentType").GetString());
            Assert.Equal("orders", entry.GetProperty("event").GetProperty("topic").GetString());
            Assert.Equal(JsonValueKind.Object, entry.GetProperty("metadata").ValueKind);
        });
        Assert.Equal(Enumerable.Range(1, 12), entries.Select(N).Order());
    }

    [Fact]
    public async Task BulkSubscription_LongWait_SendsABatchAsSoonAsItHoldsMaxMessagesCount()
    {
        using var pki = new TestPki();
        await using var app = await StartAppAsync(pki, entry => "SUCCESS");
        await using var gateway = await StartGatewayAsync(pki, app, Subscription("orders", "/orders", maxMessagesCount: 4, maxAwaitMs: 600_000));
        using var client = gateway.ClientFor("shop");

        await PublishAsync(client, "orders", Enumerable.Range(1, 8));

        await Eventually.TrueAsync(() => BulkRequests(app).Count >= 2, "two bulk requests");
        var requests = BulkRequests(app);
        Assert.All(requests, request => Assert.Equal(4, request.Json.GetProperty("entries").GetArrayLength()));
        Assert.Equal(Enumerable.Range(1, 8), Entries(app).Select(N).Order());
    }

    [Fact]
    public async Task BulkSubscription_EntriesOfOneBatch_AreSentOnePostPerRoutePath()
    {
        using var pki = new TestPki();
        await using var app = await StartAppAsync(pki, entry => "SUCCESS");
        await using var gateway = await StartGatewayAsync(pki, app, TestAssets.Yaml("subscriptions/bulk-routed.yaml", new { pubsub = "pubsub" }));
        using var client = gateway.ClientFor("shop");

        await PublishAsync(client, "parcels", Enumerable.Range(1, 6));

        await Eventually.TrueAsync(() => BulkRequests(app).Count >= 2, "two bulk requests");
        var requests = BulkRequests(app);
        Assert.Equal(["/high", "/low"], requests.Select(request => request.Path).Order());
        Assert.Equal([4, 5, 6], EntriesOf(requests.Single(request => request.Path == "/high")).Select(N).Order());
        Assert.Equal([1, 2, 3], EntriesOf(requests.Single(request => request.Path == "/low")).Select(N).Order());
    }

    [Fact]
    public async Task BulkSubscription_EntryAnsweredRetry_IsDeliveredAgain_AndTheOthersAreNot()
    {
        var retried = 0;
        using var pki = new TestPki();
        await using var app = await StartAppAsync(pki, entry => N(entry) == 3 && Interlocked.Exchange(ref retried, 1) == 0 ? "RETRY" : "SUCCESS");
        await using var gateway = await StartGatewayAsync(pki, app, Subscription("orders", "/orders", maxMessagesCount: 5, maxAwaitMs: 200));
        using var client = gateway.ClientFor("shop");

        await PublishAsync(client, "orders", Enumerable.Range(1, 5));
        await Eventually.TrueAsync(() => Entries(app).Count(entry => N(entry) == 3) == 2, "message 3 delivered a second time");

        // A message published after the retry is delivered only after anything the broker offered again at once.
        await PublishAsync(client, "orders", [100]);
        await Eventually.TrueAsync(() => Entries(app).Any(entry => N(entry) == 100), "the later message");
        var counts = Entries(app).GroupBy(N).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 1, [3] = 2, [4] = 1, [5] = 1, [100] = 1 }, counts);
    }

    [Fact]
    public async Task BulkSubscription_EntryAnsweredDrop_GoesToTheDeadLetterTopic_AndIsNotDeliveredAgain()
    {
        using var pki = new TestPki();
        await using var app = await StartAppAsync(pki, entry => N(entry) == 2 ? "DROP" : "SUCCESS");
        await using var gateway = await StartGatewayAsync(pki, app, TestAssets.Join(
            Subscription("orders", "/orders", maxMessagesCount: 5, maxAwaitMs: 200, deadLetterTopic: "orders-dead"),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders-dead", pubsub = "pubsub", topic = "orders-dead", route = "/dead" })));
        using var client = gateway.ClientFor("shop");

        await PublishAsync(client, "orders", Enumerable.Range(1, 4));

        await Eventually.TrueAsync(() => app.Received.Any(request => request.Path == "/dead"), "the dead-lettered message");
        await PublishAsync(client, "orders", [100]);
        await Eventually.TrueAsync(() => Entries(app).Any(entry => N(entry) == 100), "the later message");
        var dead = Assert.Single(app.Received, request => request.Path == "/dead");
        Assert.Equal(2, dead.Json.GetProperty("data").GetProperty("n").GetInt32());
        Assert.Equal("orders", dead.Json.GetProperty("topic").GetString());
        Assert.Equal([1, 2, 3, 4, 100], Entries(app).Select(N).Order());
    }

    [Fact]
    public async Task BulkSubscription_RawPayload_SendsTheBytesAsBase64OctetStream()
    {
        using var pki = new TestPki();
        await using var app = await StartAppAsync(pki, entry => "SUCCESS");
        await using var gateway = await StartGatewayAsync(pki, app, Subscription("raw", "/raw", maxMessagesCount: 5, maxAwaitMs: 50, rawPayload: true));
        using var client = gateway.ClientFor("shop");

        using var response = await client.PostAsync("/v1.0/publish/pubsub/raw?metadata.rawPayload=true", new StringContent("plain bytes", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await Eventually.TrueAsync(() => Entries(app).Count == 1, "the raw entry");
        var entry = Assert.Single(Entries(app));
        Assert.Equal("application/octet-stream", entry.GetProperty("contentType").GetString());
        Assert.Equal("plain bytes", Encoding.UTF8.GetString(entry.GetProperty("event").GetBytesFromBase64()));
    }

    [Theory]
    [InlineData(null, "AQID")]
    [InlineData("application/json", """{"total":12}""")]
    [InlineData("text/plain", "hello")]
    public async Task BulkSubscription_BinaryModeBrokerMessage_ArrivesAsTheSameEventASingleSubscriptionGets(string? dataContentType, string payload)
    {
        using var pki = new TestPki();
        await using var single = await TestSubscriber.StartAsync(pki.IssueApp("single"));
        await using var bulk = await StartAppAsync(pki, entry => "SUCCESS");
        await using var gateway = await GatewayTestHost.StartAsync(pki, DeliveryTestResources.Join(
            DeliveryTestResources.Component(),
            DeliveryTestResources.App("single", single.BaseAddress),
            DeliveryTestResources.App("shop", bulk.BaseAddress),
            DeliveryTestResources.Subscription("single", "binary", "/single"),
            TestAssets.Yaml("subscriptions/bulk-scoped.yaml", new { name = "binary", pubsub = "pubsub", topic = "binary", route = "/bulk", maxMessagesCount = 5, maxAwaitDurationMs = 50, app = "shop" })));
        var metadata = new Dictionary<string, string>
        {
            ["ce_id"] = "evt-1",
            ["ce_source"] = "urn:legacy",
            ["ce_type"] = "com.example.created",
            ["ce_specversion"] = "1.0",
            ["ce_traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        };
        if (dataContentType is not null)
        {
            metadata["ce_datacontenttype"] = dataContentType;
        }

        var bytes = dataContentType is null ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(payload);
        var component = gateway.App.Services.GetRequiredService<ComponentRegistry>().All.Single(c => c.Name == "pubsub");

        // As a Dapr 1.17+ sidecar writes a binary-mode event to a topic it shares with the gateway.
        await component.Driver.PublishAsync(new PublishRequest("binary", bytes, "application/octet-stream", metadata), CancellationToken.None);

        await Eventually.TrueAsync(() => single.Received.Any(d => d.Path == "/single") && Entries(bulk).Count == 1, "both deliveries");
        var alone = Assert.Single(single.Received, d => d.Path == "/single").Json;
        var entry = Assert.Single(Entries(bulk));
        Assert.Equal("application/cloudevents+json", entry.GetProperty("contentType").GetString());
        var batched = entry.GetProperty("event");
        Assert.Equal("evt-1", batched.GetProperty("id").GetString());
        Assert.Equal(dataContentType ?? "application/octet-stream", batched.GetProperty("datacontenttype").GetString());
        Assert.Equal(
            alone.EnumerateObject().Select(property => (property.Name, property.Value.GetRawText())).OrderBy(pair => pair.Name),
            batched.EnumerateObject().Select(property => (property.Name, property.Value.GetRawText())).OrderBy(pair => pair.Name));
    }

    private static string Subscription(string topic, string path, int maxMessagesCount, int maxAwaitMs, string? deadLetterTopic = null, bool rawPayload = false) =>
        (deadLetterTopic, rawPayload) switch
        {
            (null, false) => TestAssets.Yaml("subscriptions/bulk.yaml", new { name = topic, pubsub = "pubsub", topic, route = path, maxMessagesCount, maxAwaitDurationMs = maxAwaitMs }),
            (not null, false) => TestAssets.Yaml("subscriptions/bulk-dead-letter.yaml", new { name = topic, pubsub = "pubsub", topic, route = path, deadLetterTopic, maxMessagesCount, maxAwaitDurationMs = maxAwaitMs }),
            (null, true) => TestAssets.Yaml("subscriptions/bulk-raw-payload.yaml", new { name = topic, pubsub = "pubsub", topic, route = path, maxMessagesCount, maxAwaitDurationMs = maxAwaitMs }),
            _ => throw new ArgumentException("no test asset has both a dead-letter topic and rawPayload; add one under testassets/subscriptions", nameof(rawPayload)),
        };

    /// <summary>A subscriber that answers every bulk request with one status per entry, decided by <paramref name="decide"/>.</summary>
    private static async Task<TestSubscriber> StartAppAsync(TestPki pki, Func<JsonElement, string> decide)
    {
        var app = await TestSubscriber.StartAsync(pki.IssueApp("shop"));
        app.Reply = request =>
        {
            if (!request.Json.TryGetProperty("entries", out var entries))
            {
                return Task.FromResult((200, ""));
            }

            var statuses = entries.EnumerateArray().Select(entry => new { entryId = entry.GetProperty("entryId").GetString(), status = decide(entry) });
            return Task.FromResult((200, JsonSerializer.Serialize(new { statuses })));
        };
        return app;
    }

    private static Task<GatewayTestHost> StartGatewayAsync(TestPki pki, TestSubscriber app, string subscriptions) => GatewayTestHost.StartAsync(pki, TestAssets.Join(
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "0s" }),
        TestAssets.Yaml("apps/app.yaml", new { name = "shop", baseUrl = app.BaseAddress }),
        subscriptions));

    private static async Task PublishAsync(HttpClient client, string topic, IEnumerable<int> numbers)
    {
        foreach (var n in numbers)
        {
            using var response = await client.PostAsync($"/v1.0/publish/pubsub/{topic}", new StringContent($$"""{"n":{{n}}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
    }

    /// <summary>The bulk requests the app received: not subscription discovery, not dead-letter deliveries.</summary>
    private static List<ReceivedDelivery> BulkRequests(TestSubscriber app) =>
        [.. app.Received.Where(request => request.Path is not ("/dapr/subscribe" or "/dead"))];

    /// <summary>Every entry of every bulk request the app received, in arrival order.</summary>
    private static List<JsonElement> Entries(TestSubscriber app) => [.. BulkRequests(app).SelectMany(EntriesOf)];

    private static IEnumerable<JsonElement> EntriesOf(ReceivedDelivery request) => request.Json.GetProperty("entries").EnumerateArray();

    /// <summary>The number a test message carries in its data.</summary>
    private static int N(JsonElement entry) => entry.GetProperty("event").GetProperty("data").GetProperty("n").GetInt32();
}
