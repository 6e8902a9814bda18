using System.Net;
using System.Text;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Gateway.Tests.TestSupport;
using Grpc.Core;
using Status = Dapr.AppCallback.Autogen.Grpc.v1.TopicEventResponse.Types.TopicEventResponseStatus;

namespace Gateway.Tests.Integration;

/// <summary>
/// Streaming subscriptions (Dapr's <c>SubscribeTopicEventsAlpha1</c>) through Dapr.Protos' generated client: an
/// app without an inbound port receives events over its own mTLS connection and answers each one; and what a
/// hostile app might try with a stream.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class StreamingSubscriptionTests(GatewayFixture fixture)
{
    private static string NewTopic() => "stream-" + Guid.NewGuid().ToString("N");

    private async Task PublishAsync(string topic, string marker, string pubsub = "pubsub")
    {
        using var client = fixture.Gateway.ClientFor("stream-publisher");
        using var response = await client.PostAsync($"/v1.0/publish/{pubsub}/{topic}", new StringContent($$"""{"marker":"{{marker}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static Func<TopicEventRequest, bool> Carrying(string marker) => e => e.Data.ToStringUtf8().Contains(marker, StringComparison.Ordinal);

    [Fact]
    public async Task Stream_ReceivesEveryEventPublishedWhileOpen_AndIsListedInMetadata()
    {
        var topic = NewTopic();
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        await using var stream = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic), _ => Status.Success);
        var markers = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();

        foreach (var marker in markers)
        {
            await PublishAsync(topic, marker);
        }

        foreach (var marker in markers)
        {
            var received = (await stream.WaitForAsync(Carrying(marker)))[0];
            Assert.Equal(topic, received.Topic);
            Assert.Equal("pubsub", received.PubsubName);
            Assert.Equal("stream-publisher", received.Source);
            Assert.Equal("application/json; charset=utf-8", received.DataContentType);
            Assert.Equal("/", received.Path);
        }

        using var http = fixture.Gateway.ClientFor("streamer");
        var metadata = await http.GetStringAsync("/v1.0/metadata");
        Assert.Contains($$"""{"pubsubname":"pubsub","topic":"{{topic}}","rules":[{"path":"/"}],"deadLetterTopic":"","type":"STREAMING"}""", metadata, StringComparison.Ordinal);
        var grpcMetadata = await new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel).GetMetadataAsync(new Dapr.Client.Autogen.Grpc.v1.GetMetadataRequest());
        Assert.Contains(grpcMetadata.Subscriptions, s => s.Topic == topic && s.Type == Dapr.Client.Autogen.Grpc.v1.PubsubSubscriptionType.Streaming);
    }

    [Fact]
    public async Task Retry_RedeliversTheEvent()
    {
        var topic = NewTopic();
        var marker = Guid.NewGuid().ToString();
        var answers = 0;
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        await using var stream = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic),
            _ => Interlocked.Increment(ref answers) == 1 ? Status.Retry : Status.Success);

        await PublishAsync(topic, marker);

        var deliveries = await stream.WaitForAsync(Carrying(marker), count: 2);
        Assert.Equal(deliveries[0].Id, deliveries[1].Id);
    }

    [Fact]
    public async Task Drop_WithDeadLetterTopic_DeadLetters()
    {
        var topic = NewTopic();
        var deadLetters = topic + "-dead";
        var marker = Guid.NewGuid().ToString();
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        await using var dead = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", deadLetters), _ => Status.Success);
        await using var stream = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic, deadLetterTopic: deadLetters), _ => Status.Drop);

        await PublishAsync(topic, marker);

        var deadLettered = (await dead.WaitForAsync(Carrying(marker)))[0];
        Assert.Equal((await stream.WaitForAsync(Carrying(marker)))[0].Id, deadLettered.Id);
        Assert.Equal(deadLetters, deadLettered.Topic);
    }

    [Fact]
    public async Task UnansweredEvent_IsDeliveredAgain_WhenTheStreamEnds()
    {
        var topic = NewTopic();
        var marker = Guid.NewGuid().ToString();
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        string firstId;
        await using (var first = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic)))
        {
            await PublishAsync(topic, marker);
            firstId = (await first.WaitForAsync(Carrying(marker)))[0].Id;
        }

        await using var second = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic), _ => Status.Success);
        Assert.Equal(firstId, (await second.WaitForAsync(Carrying(marker)))[0].Id);
    }

    [Fact]
    public async Task TwoStreamsOfOneApp_ShareItsConsumerGroup()
    {
        var topic = NewTopic();
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        await using var one = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic), _ => Status.Success);
        await using var two = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic), _ => Status.Success);
        var markers = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString()).ToList();

        foreach (var marker in markers)
        {
            await PublishAsync(topic, marker);
        }

        await Eventually.TrueAsync(() => markers.All(marker => one.Received.Concat(two.Received).Any(Carrying(marker))), "every event on one of the two streams");
        Assert.Equal(markers.Count, one.Received.Count + two.Received.Count);
    }

    [Fact]
    public async Task UnansweredEvents_AreBoundedPerStream()
    {
        var topic = NewTopic();
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        await using var stream = await TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic));
        for (var index = 0; index < 40; index++)
        {
            await PublishAsync(topic, "bounded-" + index);
        }

        // An app that never answers holds at most maxConcurrency (16) events; the rest wait in the broker.
        await stream.WaitForAsync(_ => true, count: 16);

        // A 17th event would arrive during this pause if the bound did not hold. The pause can only let a broken
        // bound pass unnoticed on a slow machine; it never fails a correct one.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(16, stream.Received.Count);
        foreach (var received in stream.Received.ToList())
        {
            await stream.AnswerAsync(received.Id, Status.Success);
        }

        await stream.WaitForAsync(_ => true, count: 32);
    }

    [Fact]
    public async Task Stream_NamingAnotherAppsConsumerGroup_IsPermissionDenied()
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "intruder");

        var error = await Assert.ThrowsAsync<RpcException>(() => TopicEventStream.OpenAsync(channel,
            TopicEventStream.Initial("pubsub", "orders", metadata: new Dictionary<string, string> { ["consumerGroup"] = "subscriber" })));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("consumer group 'subscriber'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_TopicOutsideSubscribeScopes_IsPermissionDenied()
    {
        // The fixture's subscriptionScopes let app "subscriber" subscribe to its listed topics only.
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "subscriber");

        var error = await Assert.ThrowsAsync<RpcException>(() => TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", "secret")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway:records:subscriptions", null)]
    [InlineData("ok-topic", "gateway.records.steal")]
    public async Task Stream_ReservedTopic_IsPermissionDenied(string topic, string? deadLetterTopic)
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "intruder");

        var error = await Assert.ThrowsAsync<RpcException>(() => TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", topic, deadLetterTopic)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Theory]
    [InlineData("", "t", StatusCode.InvalidArgument, "pubsubName is required")]
    [InlineData("pubsub", "", StatusCode.InvalidArgument, "topic is required")]
    [InlineData("private", "t", StatusCode.InvalidArgument, "pubsub private is not found")]
    public async Task Stream_BadInitialRequest_IsRefusedWithDaprMessage(string pubsub, string topic, StatusCode code, string message)
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");

        var error = await Assert.ThrowsAsync<RpcException>(() => TopicEventStream.OpenAsync(channel, TopicEventStream.Initial(pubsub, topic)));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task Stream_WithoutInitialRequest_IsInvalidArgument()
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "streamer");
        using var call = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel).SubscribeTopicEventsAlpha1();

        await call.RequestStream.WriteAsync(new Dapr.Client.Autogen.Grpc.v1.SubscribeTopicEventsRequestAlpha1
        {
            EventProcessed = new Dapr.Client.Autogen.Grpc.v1.SubscribeTopicEventsRequestProcessedAlpha1 { Id = "x" },
        });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("initial request is required", error.Status.Detail);
    }

    [Fact]
    public async Task Stream_WithoutCertificate_IsUnauthenticated()
    {
        using var channel = DaprSdkClients.Channel(fixture.Gateway.BaseAddress, fixture.Pki.Ca.Certificate, certificate: null);

        var error = await Assert.ThrowsAsync<RpcException>(() => TopicEventStream.OpenAsync(channel, TopicEventStream.Initial("pubsub", "orders")));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
