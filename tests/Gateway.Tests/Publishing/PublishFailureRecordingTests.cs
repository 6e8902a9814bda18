using System.Net;
using System.Text;
using System.Text.Json;
using Gateway.Tests.Integration;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using static Gateway.Tests.Delivery.DeliveryTestResources;

namespace Gateway.Tests.Publishing;

/// <summary>
/// A broker that refuses messages is reported the same way whichever front door published them: single
/// and bulk publishes are counted per message on <c>gateway.publishes</c> and logged, naming the pubsub and topic.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PublishFailureRecordingTests
{
    [Fact]
    public async Task BrokerRefusal_SingleAndBulk_AreCountedPerMessageAndLogged()
    {
        var pubsub = "full-" + Guid.NewGuid().ToString("N")[..8];
        using var pki = new TestPki();
        await using var stuck = await TestSubscriber.StartAsync(pki.IssueApp("stuck"));
        stuck.Reply = _ => Task.FromResult((500, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            TestAssets.Yaml("components/in-memory-bounded.yaml", new { name = pubsub, maxPendingMessages = 1, redeliveryDelay = "10s" }),
            App("stuck", stuck.BaseAddress),
            TestAssets.Yaml("subscriptions/scoped.yaml", new { name = "stuck-held", pubsub, topic = "held", route = "/held", app = "stuck" })));
        using var publishes = new MeterRecorder();
        using var client = gateway.ClientFor("publisher");
        using (var first = await client.PostAsync($"/v1.0/publish/{pubsub}/held", Json("""{"n":1}""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        await Eventually.TrueAsync(() => stuck.Received.Any(d => d.Path == "/held"), "the first message to be held by the app");

        using var single = await client.PostAsync($"/v1.0/publish/{pubsub}/held", Json("""{"n":2}"""));
        using var bulk = await client.PostAsync($"/v1.0-alpha1/publish/bulk/{pubsub}/held", Json("""
            [{"entryId":"a","event":{"n":3},"contentType":"application/json"},
             {"entryId":"b","event":{"n":4},"contentType":"application/json"},
             {"entryId":"c","event":{"n":5},"contentType":"application/json"}]
            """));

        Assert.Equal(HttpStatusCode.InternalServerError, single.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, bulk.StatusCode);
        var failed = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync()).RootElement.GetProperty("failedEntries");
        Assert.Equal(["a", "b", "c"], failed.EnumerateArray().Select(entry => entry.GetProperty("entryId").GetString()).Order());

        Assert.Equal(1, publishes.Sum("gateway.publishes", ("pubsub", pubsub), ("result", "stored")));
        Assert.Equal(4, publishes.Sum("gateway.publishes", ("pubsub", pubsub), ("result", "error")) + publishes.Sum("gateway.publishes", ("pubsub", pubsub), ("result", "transient_error")));
        var singleLog = Assert.Single(gateway.Logs.Events, log => log.EventId == 1002);
        var bulkLog = Assert.Single(gateway.Logs.Events, log => log.EventId == 1003);
        foreach (var log in new[] { singleLog, bulkLog })
        {
            Assert.Equal(LogLevel.Error, log.Level);
            Assert.Equal(pubsub, log.Properties["Pubsub"]);
            Assert.Equal("held", log.Properties["Topic"]);
            Assert.Contains("maxPendingMessages", log.Properties["Error"], StringComparison.Ordinal);
        }

        Assert.Equal("3", bulkLog.Properties["Failed"]);
        Assert.Equal("3", bulkLog.Properties["Total"]);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
