using System.Net;
using System.Text;
using Gateway.Tests.Delivery;
using Gateway.Tests.TestSupport;
using static Gateway.Tests.Delivery.DeliveryTestResources;

namespace Gateway.Tests.Integration;

/// <summary>
/// The reply table of Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events with its dead-letter rules, through a real HTTPS
/// subscriber: the subscription has a dead-letter topic (read by another app) and no retry policy, so
/// a retriable answer dead-letters the message after its one attempt.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class DeliveryRulesReplyTests
{
    private const string Marker = "marker";

    [Theory]
    [InlineData("200", "", "success")]
    [InlineData("200", "accepted", "success")]
    [InlineData("200", "{}", "success")]
    [InlineData("200", """{"status":"SUCCESS"}""", "success")]
    [InlineData("200", """{"status":"RETRY"}""", "retry")]
    [InlineData("200", """{"status":"DROP"}""", "drop")]
    [InlineData("200", """{"Status":"DROP"}""", "drop")]
    [InlineData("200", """{"status":"success"}""", "retry")]
    [InlineData("404", "", "drop")]
    [InlineData("400", "", "retry")]
    [InlineData("500", "", "retry")]
    [InlineData("503", "", "retry")]
    [InlineData("refused", "", "retry")]
    [InlineData("timeout", "", "retry")]
    public async Task AppAnswer_WithDeadLetterTopic_AcksOrDeadLettersAsTheReplyTableSays(string answer, string body, string expected)
    {
        var topic = UniqueTopic("orders");
        var deadLetters = topic + "-dead";
        var unanswered = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var audit = await TestSubscriber.StartAsync(pki.IssueApp("audit"));
        orders.Reply = delivery => delivery.BodyText.Contains(Marker, StringComparison.Ordinal) ? Task.FromResult((200, ""))
            : answer == "timeout" ? unanswered.Task
            : Task.FromResult((int.Parse(answer), body));
        var ordersAddress = answer == "refused" ? ClosedAddress() : orders.BaseAddress;

        // One delivery at a time to the orders app: when the marker arrives, the message before it is finished.
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", ordersAddress, maxConcurrency: 1),
            App("audit", audit.BaseAddress),
            Subscription("orders", topic, "/orders", deadLetterTopic: deadLetters),
            Subscription("audit", deadLetters, "/dead")),
            options => options.DeliveryTimeout = answer == "timeout" ? TimeSpan.FromSeconds(1) : options.DeliveryTimeout);
        using var outcomes = new DeliveryOutcomeRecorder(gateway.App.Services);
        using var client = gateway.ClientFor("checkout");
        try
        {
            await PublishAsync(client, topic, """{"order":7}""");
            if (answer == "refused")
            {
                await Eventually.TrueAsync(() => outcomes.For(topic).Count >= 1, "the outcome of the message");
                Assert.Equal([expected], outcomes.For(topic));
            }
            else
            {
                await PublishAsync(client, topic, $$"""{"{{Marker}}":true}""");
                await Eventually.TrueAsync(() => outcomes.For(topic).Count >= 2, "the outcomes of the message and the marker");
                Assert.Equal([expected, "success"], outcomes.For(topic));
                Assert.Equal(2, orders.Received.Count(d => d.Path == "/orders"));
            }

            var deadLettered = gateway.Logs.Events.Where(e => e.EventId == 3006 && e.Properties["Topic"] == topic).ToList();
            if (expected == "success")
            {
                Assert.Empty(deadLettered);
                Assert.DoesNotContain(audit.Received, d => d.Path == "/dead");
                return;
            }

            Assert.Single(deadLettered);
            await Eventually.TrueAsync(() => audit.Received.Any(d => d.Path == "/dead"), "the dead-lettered message at the audit app");
            var dead = Assert.Single(audit.Received, d => d.Path == "/dead");
            Assert.Equal(topic, dead.Json.GetProperty("topic").GetString());
            Assert.Equal(7, dead.Json.GetProperty("data").GetProperty("order").GetInt32());
            Assert.Contains(gateway.Logs.Events, e => e.EventId == (expected == "drop" ? 3003 : 3004) && e.Properties["Topic"] == topic);
        }
        finally
        {
            unanswered.TrySetResult((200, ""));
        }
    }

    internal static async Task PublishAsync(HttpClient client, string topic, string json, string query = "")
    {
        using var response = await client.PostAsync($"/v1.0/publish/pubsub/{topic}{query}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
