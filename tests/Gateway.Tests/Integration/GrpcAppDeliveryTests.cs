using Dapr.AppCallback.Autogen.Grpc.v1;
using Gateway.Subscriptions;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Status = Dapr.AppCallback.Autogen.Grpc.v1.TopicEventResponse.Types.TopicEventResponseStatus;

namespace Gateway.Tests.Integration;

/// <summary>
/// Delivery to gRPC apps (<c>App</c> <c>spec.protocol: grpc</c>): an app built on Dapr.Protos' AppCallback base,
/// over mTLS, declares its subscriptions through ListTopicSubscriptions and receives events through OnTopicEvent
/// and OnBulkTopicEventAlpha1, with the same identity checks, replies, retries and dead letters as HTTP apps.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class GrpcAppDeliveryTests
{
    private static async Task PublishAsync(GatewayTestHost gateway, string topic, string marker)
    {
        using var client = DaprSdkClients.For(gateway, "grpc-publisher");
        await client.PublishEventAsync("pubsub", topic, new { marker });
    }

    [Fact]
    public async Task GrpcApp_DeclaresThroughListTopicSubscriptions_AndReceivesOverMtls()
    {
        using var pki = new TestPki();
        await using var app = await GrpcTestApp.StartAsync(pki.IssueApp("grpc-app"));
        app.Recorded.Subscriptions.Add(new TopicSubscription { PubsubName = "pubsub", Topic = "orders", Routes = new TopicRoutes { Default = "/orders" } });
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app-grpc.yaml", new { name = "grpc-app", baseUrl = app.BaseAddress })));
        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();
        await Eventually.TrueAsync(() => manager.Statuses.Any(s => s.Definition.Topic == "orders" && s.State == SubscriptionState.Running), "the app's declared subscription running");
        var marker = Guid.NewGuid().ToString();

        await PublishAsync(gateway, "orders", marker);

        await Eventually.TrueAsync(() => app.Recorded.Events.Any(e => e.Event.Data.ToStringUtf8().Contains(marker, StringComparison.Ordinal)), "the event at the gRPC app");
        var (received, clientId) = app.Recorded.Events.First(e => e.Event.Data.ToStringUtf8().Contains(marker, StringComparison.Ordinal));
        Assert.Equal("/orders", received.Path);
        Assert.Equal("orders", received.Topic);
        Assert.Equal("pubsub", received.PubsubName);
        Assert.Equal("grpc-publisher", received.Source);
        Assert.Equal("com.dapr.event.sent", received.Type);
        Assert.Equal("1.0", received.SpecVersion);
        Assert.Equal($$"""{"marker":"{{marker}}"}""", received.Data.ToStringUtf8());
        Assert.False(string.IsNullOrEmpty(received.Extensions.Fields["time"].StringValue));
        Assert.Contains("spiffe://public/ns/default/gateway", clientId ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcApp_Retry_IsRedelivered_AndDrop_DeadLetters()
    {
        using var pki = new TestPki();
        await using var app = await GrpcTestApp.StartAsync(pki.IssueApp("grpc-app"));
        var retried = 0;
        app.Recorded.Reply = request => request.Topic switch
        {
            "retry" => Interlocked.Increment(ref retried) == 1 ? Status.Retry : Status.Success,
            "drop" => Status.Drop,
            _ => Status.Success,
        };
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay = "50ms" }),
            TestAssets.Yaml("apps/app-grpc.yaml", new { name = "grpc-app", baseUrl = app.BaseAddress }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "retry", pubsub = "pubsub", topic = "retry", route = "/retry" }),
            TestAssets.Yaml("subscriptions/dead-letter.yaml", new { name = "drop", pubsub = "pubsub", topic = "drop", deadLetterTopic = "dead", route = "/drop" }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "dead", pubsub = "pubsub", topic = "dead", route = "/dead" })));
        var (retryMarker, dropMarker) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        await PublishAsync(gateway, "retry", retryMarker);
        await PublishAsync(gateway, "drop", dropMarker);

        bool Carries(TopicEventRequest e, string topic, string marker) => e.Topic == topic && e.Data.ToStringUtf8().Contains(marker, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => app.Recorded.Events.Count(e => Carries(e.Event, "retry", retryMarker)) >= 2, "the retried event delivered again");
        await Eventually.TrueAsync(() => app.Recorded.Events.Any(e => Carries(e.Event, "dead", dropMarker)), "the dropped event on the dead-letter topic");
        Assert.Equal("/dead", app.Recorded.Events.First(e => Carries(e.Event, "dead", dropMarker)).Event.Path);
    }

    [Fact]
    public async Task GrpcApp_BulkSubscription_ReceivesBatchesThroughOnBulkTopicEventAlpha1()
    {
        using var pki = new TestPki();
        await using var app = await GrpcTestApp.StartAsync(pki.IssueApp("grpc-app"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app-grpc.yaml", new { name = "grpc-app", baseUrl = app.BaseAddress }),
            TestAssets.Yaml("subscriptions/bulk.yaml", new { name = "bulk", pubsub = "pubsub", topic = "batched", route = "/batched", maxMessagesCount = 5, maxAwaitDurationMs = 200 })));
        var markers = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();

        foreach (var marker in markers)
        {
            await PublishAsync(gateway, "batched", marker);
        }

        string Entries() => string.Join(",", app.Recorded.Batches.SelectMany(batch => batch.Entries).Select(entry => entry.CloudEvent.Data.ToStringUtf8()));
        await Eventually.TrueAsync(() => markers.All(marker => Entries().Contains(marker, StringComparison.Ordinal)), "every event in a batch");
        var batch = app.Recorded.Batches.First();
        Assert.Equal("/batched", batch.Path);
        Assert.Equal("batched", batch.Topic);
        Assert.All(batch.Entries, entry => Assert.Equal("grpc-publisher", entry.CloudEvent.Source));
        Assert.Empty(app.Recorded.Events);
    }

    [Fact]
    public async Task AppPresentingAnotherAppsSvid_ReceivesNothing()
    {
        using var pki = new TestPki();
        // The App resource is "grpc-victim", but the server at its address presents the SVID of "intruder".
        await using var app = await GrpcTestApp.StartAsync(pki.IssueApp("intruder"));
        app.Recorded.Subscriptions.Add(new TopicSubscription { PubsubName = "pubsub", Topic = "declared" });
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app-grpc.yaml", new { name = "grpc-victim", baseUrl = app.BaseAddress }),
            TestAssets.Yaml("subscriptions/subscription.yaml", new { name = "orders", pubsub = "pubsub", topic = "orders", route = "/orders" })));

        await PublishAsync(gateway, "orders", Guid.NewGuid().ToString());

        await Eventually.TrueAsync(
            () => gateway.Logs.Events.Any(e => e.EventId == 3004 && e.Message.Contains("'spiffe://public/ns/default/intruder' but 'spiffe://public/ns/default/grpc-victim' was expected", StringComparison.Ordinal)),
            "the delivery refused for the wrong SVID");
        Assert.Empty(app.Recorded.Events);
        Assert.Equal(0, app.Recorded.Listed);
    }

    [Fact]
    public async Task ListTopicSubscriptions_NamingAnotherAppsGroup_OrAUrlRoute_IsRefused()
    {
        using var pki = new TestPki();
        await using var app = await GrpcTestApp.StartAsync(pki.IssueApp("grpc-app"));
        app.Recorded.Subscriptions.Add(new TopicSubscription { PubsubName = "pubsub", Topic = "hijack", Metadata = { ["consumerGroup"] = "victim" } });
        await using var gateway = await GatewayTestHost.StartAsync(pki, TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app-grpc.yaml", new { name = "grpc-app", baseUrl = app.BaseAddress })));
        var manager = gateway.App.Services.GetRequiredService<SubscriptionManager>();

        await Eventually.TrueAsync(() => manager.Statuses.Any(s => s.Definition.Topic == "hijack"), "the declared subscription considered");
        var status = manager.Statuses.Single(s => s.Definition.Topic == "hijack");
        Assert.Equal(SubscriptionState.Denied, status.State);
        Assert.Contains("consumer group 'victim'", status.Reason, StringComparison.Ordinal);

        app.Recorded.Subscriptions.Clear();
        app.Recorded.Subscriptions.Add(new TopicSubscription { PubsubName = "pubsub", Topic = "escape", Routes = new TopicRoutes { Default = "https://evil.example/x" } });
        var discovery = gateway.App.Services.GetRequiredService<SubscriptionDiscovery>();
        await discovery.DiscoverAsync(gateway.App.Services.GetRequiredService<SubscriptionCatalog>().Apps.Single(), CancellationToken.None);
        Assert.Contains(gateway.Logs.Events, e => e.EventId == 3203 && e.Message.Contains("escape", StringComparison.Ordinal));
        Assert.DoesNotContain(manager.Statuses, s => s.Definition.Topic == "escape");
    }
}
