using System.Net;
using System.Text;
using Gateway.FaultTests.TestSupport;
using Gateway.Kafka.TestCluster;
using Gateway.Subscriptions;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>
/// Dapr's recommended <c>consumerID: "{appID}"</c> on every driver: two apps subscribed to one topic each
/// receive every message (taken literally, the marker would put both in one group and split the messages
/// between them); one app on two gateway replicas shares its group, so it gets each message once, not once
/// per replica; <c>{podName}</c> is the replica's name.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConsumerGroupMarkerTests
{
    private const int Messages = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task InMemory_TwoAppsWithConsumerIdAppId_EachGetEveryMessage()
    {
        await TwoAppsEachGetEveryMessageAsync(TestAssets.Yaml("components/in-memory-consumer-id.yaml", new { name = "pubsub", consumerID = "{appID}" }));
    }

    [Fact]
    public async Task Redis_TwoAppsWithConsumerIdAppId_EachGetEveryMessage()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        await TwoAppsEachGetEveryMessageAsync(TestAssets.Yaml("components/redis-consumer-id.yaml", new { name = "pubsub", redisHost = redis.Address, consumerID = "{appID}" }));
    }

    [Fact]
    public async Task Kafka_TwoAppsWithConsumerGroupAppId_EachGetEveryMessage()
    {
        await TwoAppsEachGetEveryMessageAsync(TestAssets.Yaml(
            "components/kafka-consumer-group.yaml", new { name = "pubsub", brokers = KafkaTestBroker.BootstrapServers, consumerGroup = "{appID}" }));
    }

    [Fact]
    public async Task Redis_OneAppOnTwoReplicas_SharesItsGroup_AndGetsEachMessageOnce()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        await OneAppOnTwoReplicasSharesItsGroupAsync(TestAssets.Yaml("components/redis-consumer-id.yaml", new { name = "pubsub", redisHost = redis.Address, consumerID = "{appID}" }));
    }

    [Fact]
    public async Task Kafka_OneAppOnTwoReplicas_SharesItsGroup_AndGetsEachMessageOnce()
    {
        await OneAppOnTwoReplicasSharesItsGroupAsync(TestAssets.Yaml(
            "components/kafka-consumer-group.yaml", new { name = "pubsub", brokers = KafkaTestBroker.BootstrapServers, consumerGroup = "{appID}" }));
    }

    private static async Task OneAppOnTwoReplicasSharesItsGroupAsync(string component)
    {
        using var pki = new TestPki();
        await using var worker = await TestSubscriber.StartAsync(pki.IssueApp("worker"));
        var topic = $"jobs-{Guid.NewGuid():N}";
        var resources = TestAssets.Join(
            component,
            TestAssets.Yaml("apps/app.yaml", new { name = "worker", baseUrl = worker.BaseAddress }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "jobs", pubsub = "pubsub", topic, route = "/jobs" }));
        await using var replicaA = await GatewayTestHost.StartAsync(pki, resources, options => options.PodName = "gateway-a");
        await using var replicaB = await GatewayTestHost.StartAsync(pki, resources, options => options.PodName = "gateway-b");

        Assert.All([replicaA, replicaB], replica => Assert.Contains("consumer group 'worker'", Status(replica, "worker").Reason, StringComparison.Ordinal));
        var marker = await PublishAsync(replicaA, topic);

        await Eventually.TrueAsync(() => Numbers(worker, marker).Distinct().Count() == Messages, $"all {Messages} messages at the worker", Patience);
        Assert.True(Numbers(worker, marker).Count < 2 * Messages, "the two replicas share one group instead of each delivering every message");
    }

    [Fact]
    public async Task PodName_IsTheReplicasName_InTheConsumerGroup()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-consumer-id.yaml", new { name = "pubsub", consumerID = "{appID}-{podName}" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "orders", baseUrl = app.BaseAddress }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/orders" })),
            options => options.PodName = "gateway-7");

        Assert.Contains("consumer group 'orders-gateway-7'", Status(gateway, "orders").Reason, StringComparison.Ordinal);
    }

    private static async Task TwoAppsEachGetEveryMessageAsync(string component)
    {
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var audit = await TestSubscriber.StartAsync(pki.IssueApp("audit"));
        var topic = $"events-{Guid.NewGuid():N}";
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            component,
            TestAssets.Yaml("apps/app.yaml", new { name = "orders", baseUrl = orders.BaseAddress }),
            TestAssets.Yaml("apps/app.yaml", new { name = "audit", baseUrl = audit.BaseAddress }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "events", pubsub = "pubsub", topic, route = "/events" })));

        Assert.Contains("consumer group 'orders'", Status(gateway, "orders").Reason, StringComparison.Ordinal);
        Assert.Contains("consumer group 'audit'", Status(gateway, "audit").Reason, StringComparison.Ordinal);
        var marker = await PublishAsync(gateway, topic);

        await Eventually.TrueAsync(() => Numbers(orders, marker).Distinct().Count() == Messages, $"all {Messages} messages at orders", Patience);
        await Eventually.TrueAsync(() => Numbers(audit, marker).Distinct().Count() == Messages, $"all {Messages} messages at audit", Patience);
    }

    private static async Task<string> PublishAsync(GatewayTestHost gateway, string topic)
    {
        using var publisher = gateway.ClientFor("shop");
        var marker = Guid.NewGuid().ToString("N");
        for (var n = 0; n < Messages; n++)
        {
            using var response = await publisher.PostAsync($"/v1.0/publish/pubsub/{topic}", new StringContent($$"""{"m":"{{marker}}","n":{{n}}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        return marker;
    }

    private static SubscriptionStatus Status(GatewayTestHost gateway, string appId) =>
        gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses.Single(status => status.App.AppId == appId);

    private static List<int> Numbers(TestSubscriber app, string marker) =>
        [.. app.Received.Where(d => d.BodyText.Contains(marker, StringComparison.Ordinal)).Select(d => d.Json.GetProperty("data").GetProperty("n").GetInt32())];
}
