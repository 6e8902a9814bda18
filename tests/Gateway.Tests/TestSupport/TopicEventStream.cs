using System.Collections.Concurrent;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;
using Grpc.Net.Client;
using Status = Dapr.AppCallback.Autogen.Grpc.v1.TopicEventResponse.Types.TopicEventResponseStatus;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// A streaming subscription opened with Dapr.Protos' generated client, as an app without an inbound port
/// would open it: the initial request, then every event recorded as it arrives, answered by the test.
/// </summary>
internal sealed class TopicEventStream : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<SubscribeTopicEventsRequestAlpha1, SubscribeTopicEventsResponseAlpha1> _call;
    private readonly ConcurrentQueue<TopicEventRequest> _received = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _reading;

    private TopicEventStream(AsyncDuplexStreamingCall<SubscribeTopicEventsRequestAlpha1, SubscribeTopicEventsResponseAlpha1> call, Func<TopicEventRequest, Status?>? autoAnswer)
    {
        _call = call;
        _reading = Task.Run(async () =>
        {
            try
            {
                while (await _call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    var message = _call.ResponseStream.Current.EventMessage;
                    _received.Enqueue(message);
                    if (autoAnswer?.Invoke(message) is { } status)
                    {
                        await AnswerAsync(message.Id, status);
                    }
                }
            }
            catch (RpcException ex)
            {
                EndStatus = ex.Status;
            }
        });
    }

    public IReadOnlyList<TopicEventRequest> Received => [.. _received];

    /// <summary>How the gateway ended the stream, when it did with an error.</summary>
    public global::Grpc.Core.Status? EndStatus { get; private set; }

    /// <summary>
    /// Opens a stream and waits for the initial response. <paramref name="autoAnswer"/> answers each event as it
    /// arrives (null: the test answers, or leaves it unanswered). Throws the gateway's refusal as an RpcException.
    /// </summary>
    public static async Task<TopicEventStream> OpenAsync(GrpcChannel channel, SubscribeTopicEventsRequestInitialAlpha1 initial, Func<TopicEventRequest, Status?>? autoAnswer = null)
    {
        var call = new global::Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel).SubscribeTopicEventsAlpha1();
        await call.RequestStream.WriteAsync(new SubscribeTopicEventsRequestAlpha1 { InitialRequest = initial });
        try
        {
            if (!await call.ResponseStream.MoveNext(CancellationToken.None) || call.ResponseStream.Current.InitialResponse is null)
            {
                throw new InvalidOperationException("the gateway did not answer with an initial response");
            }
        }
        catch
        {
            call.Dispose();
            throw;
        }

        return new TopicEventStream(call, autoAnswer);
    }

    public static SubscribeTopicEventsRequestInitialAlpha1 Initial(string pubsub, string topic, string? deadLetterTopic = null, IDictionary<string, string>? metadata = null)
    {
        var initial = new SubscribeTopicEventsRequestInitialAlpha1 { PubsubName = pubsub, Topic = topic };
        if (deadLetterTopic is not null)
        {
            initial.DeadLetterTopic = deadLetterTopic;
        }

        if (metadata is not null)
        {
            initial.Metadata.Add(metadata);
        }

        return initial;
    }

    public async Task AnswerAsync(string id, Status status)
    {
        await _writing.WaitAsync();
        try
        {
            await _call.RequestStream.WriteAsync(new SubscribeTopicEventsRequestAlpha1
            {
                EventProcessed = new SubscribeTopicEventsRequestProcessedAlpha1 { Id = id, Status = new TopicEventResponse { Status = status } },
            });
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Waits until events matching <paramref name="match"/> arrived at least <paramref name="count"/> times; returns them.</summary>
    public async Task<IReadOnlyList<TopicEventRequest>> WaitForAsync(Func<TopicEventRequest, bool> match, int count = 1)
    {
        await Eventually.TrueAsync(() => _received.Count(match) >= count || _reading.IsCompleted, $"{count} matching events on the stream (got {_received.Count(match)})");
        var found = _received.Where(match).ToList();
        return found.Count >= count ? found : throw new InvalidOperationException($"the stream ended ({EndStatus}) after {found.Count} matching events");
    }

    /// <summary>Ends the stream from the app's side, as an app that goes away does.</summary>
    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
