using System.Globalization;
using System.Text.Json;
using Gateway.Tests.Delivery;
using Gateway.Tests.TestSupport;
using static Gateway.Tests.Delivery.DeliveryTestResources;
using static Gateway.Tests.Integration.DeliveryRulesReplyTests;

namespace Gateway.Tests.Integration;

/// <summary>Message TTL (Dapr's publish API, https://docs.dapr.io/reference/api/pubsub_api/, <c>ttlInSeconds</c>) as a subscriber sees it.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DeliveryRulesTtlTests
{
    [Fact]
    public async Task Ttl_AppAnswersRetryUntilExpiry_MessageIsDroppedAndNeverDeliveredAgain()
    {
        var topic = UniqueTopic("ttl");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        orders.Reply = delivery => Task.FromResult(delivery.BodyText.Contains("marker", StringComparison.Ordinal) ? (200, "") : (200, """{"status":"RETRY"}"""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(redeliveryDelay: "0s"),
            App("orders", orders.BaseAddress, maxConcurrency: 1),
            Subscription("orders", topic, "/orders")));
        using var outcomes = new DeliveryOutcomeRecorder(gateway.App.Services);
        using var client = gateway.ClientFor("checkout");

        // Expirations have whole-second precision, so a TTL of n seconds leaves between n-1 and n.
        await PublishAsync(client, topic, """{"order":3}""", "?metadata.ttlInSeconds=3");
        await Eventually.TrueAsync(() => gateway.Logs.Events.Any(e => e.EventId == 3001 && e.Properties["Topic"] == topic), "the expiry of the message");
        await PublishAsync(client, topic, """{"marker":1}""");
        await Eventually.TrueAsync(() => orders.Received.Any(d => d.BodyText.Contains("\"marker\":1", StringComparison.Ordinal)), "the first marker");
        await PublishAsync(client, topic, """{"marker":2}""");
        await Eventually.TrueAsync(() => orders.Received.Any(d => d.BodyText.Contains("\"marker\":2", StringComparison.Ordinal)), "the second marker");

        var received = orders.Received.Where(d => d.Path == "/orders").ToList();
        var firstMarker = received.FindIndex(d => d.BodyText.Contains("\"marker\":1", StringComparison.Ordinal));
        Assert.All(received[..firstMarker], d => Assert.True(d.Json.TryGetProperty("expiration", out _)));
        Assert.DoesNotContain(received[firstMarker..], d => d.BodyText.Contains("\"order\":3", StringComparison.Ordinal));
        var counted = outcomes.For(topic);
        Assert.Equal(["expired", "success", "success"], counted.TakeLast(3));
        Assert.All(counted.SkipLast(3), outcome => Assert.Equal("retry", outcome));
    }

    [Fact]
    public async Task Ttl_ExpiresWhileQueuedBehindASlowDelivery_IsDeadLetteredAndNeverReachesTheApp()
    {
        var topic = UniqueTopic("ttl");
        var deadLetters = topic + "-dead";
        var slowAnswer = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var audit = await TestSubscriber.StartAsync(pki.IssueApp("audit"));
        orders.Reply = delivery => delivery.BodyText.Contains("slow", StringComparison.Ordinal) ? slowAnswer.Task : Task.FromResult((200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", orders.BaseAddress, maxConcurrency: 1),
            App("audit", audit.BaseAddress),
            Subscription("orders", topic, "/orders", deadLetterTopic: deadLetters),
            Subscription("audit", deadLetters, "/dead", rawPayload: true)));
        using var outcomes = new DeliveryOutcomeRecorder(gateway.App.Services);
        using var client = gateway.ClientFor("checkout");
        try
        {
            await PublishAsync(client, topic, """{"slow":true}""");
            await Eventually.TrueAsync(() => orders.Received.Any(d => d.Path == "/orders"), "the slow delivery");
            await PublishAsync(client, topic, """{"order":4}""", "?metadata.ttlInSeconds=1");

            // The expiration is at most one second after the publish returned (seconds precision rounds down).
            var expired = DateTimeOffset.UtcNow.AddSeconds(1);
            await Eventually.TrueAsync(() => DateTimeOffset.UtcNow > expired, "the message's TTL to pass");
            slowAnswer.SetResult((200, ""));

            await Eventually.TrueAsync(() => audit.Received.Any(d => d.Path == "/dead"), "the expired message at the dead-letter app");
            Assert.Equal(["success", "expired"], outcomes.For(topic));
            Assert.DoesNotContain(orders.Received, d => d.BodyText.Contains("\"order\":4", StringComparison.Ordinal));
            // The dead-letter topic holds the original event unchanged, expiration included, so only a raw
            // subscriber (which does not read it) still receives it.
            var dead = Assert.Single(audit.Received, d => d.Path == "/dead");
            using var original = JsonDocument.Parse(dead.Json.GetProperty("data_base64").GetBytesFromBase64());
            Assert.Equal(4, original.RootElement.GetProperty("data").GetProperty("order").GetInt32());
            Assert.Equal(topic, original.RootElement.GetProperty("topic").GetString());
            Assert.Contains(gateway.Logs.Events, e => e.EventId == 3001 && e.Properties["Topic"] == topic);
        }
        finally
        {
            slowAnswer.TrySetResult((200, ""));
        }
    }

    [Fact]
    public async Task Ttl_SixtySeconds_IsDeliveredWithAnExpirationAMinuteAhead()
    {
        var topic = UniqueTopic("ttl");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", orders.BaseAddress),
            Subscription("orders", topic, "/orders")));
        using var client = gateway.ClientFor("checkout");
        var before = DateTimeOffset.UtcNow;

        await PublishAsync(client, topic, """{"order":5}""", "?metadata.ttlInSeconds=60");

        await Eventually.TrueAsync(() => orders.Received.Any(d => d.Path == "/orders"), "the delivery");
        var delivery = Assert.Single(orders.Received, d => d.Path == "/orders");
        var expiration = DateTimeOffset.Parse(delivery.Json.GetProperty("expiration").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(expiration, before.AddSeconds(59), DateTimeOffset.UtcNow.AddSeconds(60));
        Assert.Equal(5, delivery.Json.GetProperty("data").GetProperty("order").GetInt32());
    }
}
