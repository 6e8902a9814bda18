using Dapr.AppCallback.Autogen.Grpc.v1;
using Dapr.Client.Autogen.Grpc.v1;
using Gateway.Subscriptions.Streaming;
using Grpc.Core;

namespace Gateway.GrpcApi;

/// <summary>
/// <c>SubscribeTopicEventsAlpha1</c>: the app's first message must be its <c>initial_request</c>; once
/// <see cref="StreamingSubscriptions"/> accepted it, the stream answers <c>initial_response</c>, then carries
/// events one way and the app's <c>event_processed</c> answers the other, until the app ends it, its connection
/// drops, or the gateway shuts down. Events without an answer by then are delivered again.
/// </summary>
internal sealed partial class DaprGrpcService
{
    public async Task SubscribeTopicEventsAsync(
        IAsyncStreamReader<SubscribeTopicEventsRequestAlpha1> requests, IServerStreamWriter<SubscribeTopicEventsResponseAlpha1> responses, ServerCallContext context)
    {
        var caller = GrpcCallers.Of(context);
        if (!await requests.MoveNext(context.CancellationToken) || requests.Current.InitialRequest is not { } initial)
        {
            throw GrpcErrors.Plain(StatusCode.InvalidArgument, "initial request is required");
        }

        // Events wait until the initial response is written: it must be the stream's first message.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = new StreamRequest(
            initial.PubsubName, initial.Topic, new Dictionary<string, string>(initial.Metadata, StringComparer.Ordinal),
            initial.DeadLetterTopic is { Length: > 0 } deadLetter ? deadLetter : null);
        var (stream, refusal) = await streaming.OpenAsync(caller, request, WriteEventAsync, context.CancellationToken);
        if (stream is null)
        {
            throw GrpcErrors.Plain(refusal!.Code, refusal.Message);
        }

        await using (stream)
        {
            await responses.WriteAsync(new SubscribeTopicEventsResponseAlpha1 { InitialResponse = new SubscribeTopicEventsResponseInitialAlpha1() }, context.CancellationToken);
            started.SetResult();
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stream.Closing);
            try
            {
                while (await requests.MoveNext(ending.Token))
                {
                    if (requests.Current.EventProcessed is { } processed)
                    {
                        stream.Answer(processed.Id, processed.Status?.Status ?? TopicEventResponse.Types.TopicEventResponseStatus.Retry);
                    }
                    else
                    {
                        throw GrpcErrors.Plain(StatusCode.InvalidArgument, "a stream takes one initial request, then only event_processed answers");
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && ending.IsCancellationRequested)
            {
                // The app went away or the gateway is shutting down: the stream ends, unanswered events go back to the broker.
            }
        }

        async Task WriteEventAsync(TopicEventRequest message, CancellationToken cancellationToken)
        {
            await started.Task.WaitAsync(cancellationToken);
            await responses.WriteAsync(new SubscribeTopicEventsResponseAlpha1 { EventMessage = message }, cancellationToken);
        }
    }
}
